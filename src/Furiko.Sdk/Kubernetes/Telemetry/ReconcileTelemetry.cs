using System.Diagnostics;
using System.Diagnostics.Metrics;
using Furiko.Sdk.Termination.Deletion;
using Furiko.Sdk.Termination.Execution;
using NodaTime;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// The instruments the reconciler records to, on a <see cref="Meter"/> from the application's
/// <see cref="IMeterFactory"/> when there is one (so each container has its own), otherwise on one shared meter.
/// Thread-safe.
/// </summary>
internal sealed class ReconcileTelemetry
{
    /// <summary>The source of the reconcile Activities; one per process, as ActivitySources are meant to be.</summary>
    public static readonly ActivitySource ActivitySource = new(FurikoTelemetry.ActivitySourceName);

    private static readonly Lazy<Meter> SharedMeter = new(() => new Meter(FurikoTelemetry.MeterName));

    private readonly Counter<long> _deletions;
    private readonly Counter<long> _forceDeletions;
    private readonly Histogram<double> _killDuration;

    public ReconcileTelemetry(IMeterFactory? meterFactory)
    {
        var meter = meterFactory?.Create(new MeterOptions(FurikoTelemetry.MeterName)) ?? SharedMeter.Value;
        _deletions = meter.CreateCounter<long>(FurikoTelemetry.DeletionsCounter, "{deletion}", "Graceful task deletes sent, by outcome and termination rule.");
        _forceDeletions = meter.CreateCounter<long>(FurikoTelemetry.ForceDeletionsCounter, "{deletion}", "Forced task deletes (grace period 0) sent, by outcome and termination rule.");
        _killDuration = meter.CreateHistogram<double>(FurikoTelemetry.KillDurationHistogram, "s", "Time from a Job's kill becoming due to the Job reaching phase Killed.");
    }

    public void RecordDeletion(TaskDeletionResult deletion)
    {
        var counter = deletion.Request.Mode == TaskDeletionMode.Force ? _forceDeletions : _deletions;
        counter.Add(
            1,
            new KeyValuePair<string, object?>(FurikoTelemetry.OutcomeTag, deletion.Outcome.Kind.ToString()),
            new KeyValuePair<string, object?>(FurikoTelemetry.RuleTag, deletion.Decision.Cause.Rule.Name));
    }

    public void RecordKillDuration(Duration latency) => _killDuration.Record(latency.TotalSeconds);
}
