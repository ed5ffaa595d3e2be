using System.Diagnostics;
using System.Diagnostics.Metrics;
using Furiko.Sdk.KillRequests;
using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Models;
using Furiko.Sdk.Termination;
using Furiko.Sdk.Testing.Emulator;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Furiko.Sdk.Testing.Tests.Integration;

/// <summary>Metrics, traces and logs of the kill story, read through the .NET listeners OpenTelemetry builds on.</summary>
public sealed class TelemetryTests
{
    private static readonly string[] Nodes = ["node-a", "node-b", "node-c"];

    [Fact]
    public async Task Deletes_are_counted_by_outcome_and_rule_and_the_kill_latency_is_measured_on_the_injected_clock()
    {
        using var meters = new TestMeterFactory();
        var measurements = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Meter.Name == FurikoTelemetry.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.Start();

        using var cluster = Cluster.Start(new TerminationOptions { ForceDeleteTaskTimeoutSeconds = 60 }, meters: meters);
        cluster.SeedParallelJob("metered", Nodes, downNodes: ["node-c"]);
        await cluster.Kills.RequestKillAsync(Cluster.Ns, "metered", KillRequest.Now, Cluster.Token);
        await cluster.ReconcileUntilAsync("metered", JobPhase.Killed, Duration.FromSeconds(10), Cluster.T0 + Duration.FromMinutes(10));

        lock (measurements)
        {
            var graceful = measurements.Where(m => m.Instrument == FurikoTelemetry.DeletionsCounter).ToList();
            Assert.Equal(3, graceful.Sum(m => m.Value));
            Assert.All(graceful, m =>
            {
                Assert.Equal("Deleted", m.Tags[FurikoTelemetry.OutcomeTag]);
                Assert.Equal("KillTimestamp", m.Tags[FurikoTelemetry.RuleTag]);
            });
            var forced = Assert.Single(measurements, m => m.Instrument == FurikoTelemetry.ForceDeletionsCounter);
            Assert.Equal(1, forced.Value);
            Assert.Equal("Deleted", forced.Tags[FurikoTelemetry.OutcomeTag]);
            Assert.Equal("ForceDeletionTimeout", forced.Tags[FurikoTelemetry.RuleTag]);
            var latency = Assert.Single(measurements, m => m.Instrument == FurikoTelemetry.KillDurationHistogram);
            Assert.Equal(90.0, latency.Value); // killed at T0; forced 30 s grace + 60 s later
        }

        void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            lock (measurements)
            {
                measurements.Add((instrument.Name, value, copy));
            }
        }
    }

    [Fact]
    public async Task Every_reconcile_is_an_Activity_tagged_with_the_Job_its_phase_and_its_deletes()
    {
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == FurikoTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem(FurikoTelemetry.JobNameTag) as string == "traced")
                {
                    lock (activities)
                    {
                        activities.Add(activity);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        using var cluster = Cluster.Start();
        cluster.SeedParallelJob("traced", Nodes);
        await cluster.Kills.RequestKillAsync(Cluster.Ns, "traced", KillRequest.Now, Cluster.Token);
        await cluster.ReconcileAsync("traced");
        cluster.Emulator.InjectFault(new RequestMatch(KubernetesVerb.Get, "jobs"), EmulatorFault.Status(503), times: 100);
        await Assert.ThrowsAsync<FurikoApiTransientException>(() => cluster.ReconcileAsync("traced"));

        lock (activities)
        {
            Assert.Equal(2, activities.Count);
            var kill = activities[0];
            Assert.Equal(FurikoTelemetry.ReconcileActivity, kill.OperationName);
            Assert.Equal(Cluster.Ns, kill.GetTagItem(FurikoTelemetry.JobNamespaceTag));
            Assert.Equal("Killing", kill.GetTagItem(FurikoTelemetry.JobPhaseTag));
            Assert.Equal(3, kill.GetTagItem(FurikoTelemetry.DeletesTag));
            Assert.Equal(ActivityStatusCode.Unset, kill.Status);
            Assert.Equal(ActivityStatusCode.Error, activities[1].Status);
        }
    }

    [Fact]
    public async Task Logs_carry_structured_fields_and_a_failed_Event_is_logged_without_failing_the_pass()
    {
        using var logs = new CapturingLoggerFactory();
        var clock = new NodaTime.Testing.FakeClock(Cluster.T0);
        var emulator = new KubernetesEmulator(clock);
        using var client = emulator.CreateClient();
        var options = new FurikoKubernetesOptions { Retry = Cluster.FastRetry() };
        var reconciler = JobReconciler.Create(client, clock, options: options, loggerFactory: logs);
        var job = emulator.AddJob(new Job
        {
            Metadata = new() { Name = "logged", NamespaceProperty = "jobs" },
            Spec = new JobSpec { KillTimestamp = Cluster.T0, Template = new JobTemplate() },
            Status = new JobStatus { StartTime = Cluster.T0 },
        });
        emulator.AddRunningPod(new k8s.Models.V1Pod
        {
            Metadata = new()
            {
                Name = "logged-gezdqo-0",
                NamespaceProperty = "jobs",
                Labels = new Dictionary<string, string> { [FurikoLabels.JobUid] = job.Metadata.Uid },
                OwnerReferences = [new() { ApiVersion = FurikoApi.GroupVersion, Kind = "Job", Name = "logged", Uid = job.Metadata.Uid, Controller = true }],
            },
            Spec = new() { NodeName = "node-a" },
        });
        emulator.InjectFault(new RequestMatch(KubernetesVerb.Create, "events"), EmulatorFault.Status(403), times: 10);

        var result = await reconciler.ReconcileAsync("jobs", "logged", Cluster.Token);

        Assert.Single(result.Deletions);
        var eventFailure = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning && e.Category.EndsWith(nameof(JobEventRecorder), StringComparison.Ordinal));
        Assert.Equal("logged", eventFailure.Fields["JobName"]);
        Assert.Equal("Deleted", eventFailure.Fields["Reason"]);
        Assert.IsType<FurikoApiException>(eventFailure.Exception);
        var summary = Assert.Single(logs.Entries, e => e.Category.EndsWith(nameof(JobReconciler), StringComparison.Ordinal) && e.Level == LogLevel.Information);
        Assert.Equal("jobs", summary.Fields["JobNamespace"]);
        Assert.Equal(1, summary.Fields["Deletes"]);
        Assert.Equal(1, summary.Fields["Tombstones"]);
        Assert.Equal(true, summary.Fields["StatusWritten"]);
        Assert.Contains(logs.Entries, e => e.Category.EndsWith("TerminationEngine", StringComparison.Ordinal) && e.Fields.ContainsKey("Decision"));
    }
}
