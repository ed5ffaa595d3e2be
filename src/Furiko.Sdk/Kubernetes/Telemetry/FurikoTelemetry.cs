namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// The names under which the SDK reports metrics (<see cref="System.Diagnostics.Metrics"/>) and traces
/// (<see cref="System.Diagnostics.ActivitySource"/>), for OpenTelemetry (<c>AddMeter(FurikoTelemetry.MeterName)</c>,
/// <c>AddSource(FurikoTelemetry.ActivitySourceName)</c>) or a <c>MeterListener</c> / <c>ActivityListener</c>.
/// </summary>
public static class FurikoTelemetry
{
    /// <summary>The name of the SDK's <see cref="System.Diagnostics.Metrics.Meter"/>: <c>Furiko.Sdk</c>.</summary>
    public const string MeterName = "Furiko.Sdk";

    /// <summary>The name of the SDK's <see cref="System.Diagnostics.ActivitySource"/>: <c>Furiko.Sdk</c>.</summary>
    public const string ActivitySourceName = "Furiko.Sdk";

    /// <summary>
    /// Counter of graceful task deletes sent by the reconciler (unit <c>{deletion}</c>), tagged with
    /// <see cref="OutcomeTag"/> and <see cref="RuleTag"/>.
    /// </summary>
    public const string DeletionsCounter = "furiko.task.deletions";

    /// <summary>
    /// Counter of forced task deletes (grace period 0) sent by the reconciler (unit <c>{deletion}</c>), tagged with
    /// <see cref="OutcomeTag"/> and <see cref="RuleTag"/>.
    /// </summary>
    public const string ForceDeletionsCounter = "furiko.task.force_deletions";

    /// <summary>
    /// Histogram of kill latency in seconds (unit <c>s</c>): from the moment a Job's kill became due (its
    /// <c>spec.killTimestamp</c>) to the reconcile that wrote its phase <c>Killed</c>, both read from the injected clock.
    /// </summary>
    public const string KillDurationHistogram = "furiko.job.kill.duration";

    /// <summary>The name of the Activity of one reconcile of one Job: <c>furiko.job.reconcile</c>.</summary>
    public const string ReconcileActivity = "furiko.job.reconcile";

    /// <summary>Metric tag: what became of a delete: <c>Deleted</c>, <c>AlreadyGone</c>, <c>Replaced</c> or <c>Failed</c>.</summary>
    public const string OutcomeTag = "outcome";

    /// <summary>Metric tag: the termination rule that asked for the delete, for example <c>KillTimestamp</c> or <c>ForceDeletionTimeout</c>.</summary>
    public const string RuleTag = "rule";

    /// <summary>Activity tag: the Job's namespace.</summary>
    public const string JobNamespaceTag = "furiko.job.namespace";

    /// <summary>Activity tag: the Job's name.</summary>
    public const string JobNameTag = "furiko.job.name";

    /// <summary>Activity tag: the Job's phase after the reconcile (absent when the Job is gone).</summary>
    public const string JobPhaseTag = "furiko.job.phase";

    /// <summary>Activity tag: how many task deletes the reconcile sent.</summary>
    public const string DeletesTag = "furiko.task.deletes";
}
