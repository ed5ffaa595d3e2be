using Furiko.Sdk.KillRequests;
using Furiko.Sdk.Models;
using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.Deletion;
using Furiko.Sdk.Testing.Emulator;
using NodaTime;

namespace Furiko.Sdk.Testing.Tests.Integration;

/// <summary>
/// The core story, end to end through real KubernetesClient calls: a Job with three running Pods, one of them on
/// a node that went down, is killed.
/// </summary>
public sealed class KillStoryTests
{
    private static readonly string[] Nodes = ["node-a", "node-b", "node-c"];

    [Fact]
    public async Task Two_Pods_go_gracefully_the_third_is_forced_after_the_timeout_and_the_Job_ends_Killed()
    {
        using var cluster = Cluster.Start(new TerminationOptions { ForceDeleteTaskTimeoutSeconds = 60 });
        cluster.SeedParallelJob("nightly", Nodes, downNodes: ["node-c"]);
        var stuck = Cluster.PodName("nightly", 2);
        cluster.Clock.AdvanceSeconds(60);
        var killAt = cluster.Clock.GetCurrentInstant();
        await cluster.Kills.RequestKillAsync(Cluster.Ns, "nightly", KillRequest.Now, Cluster.Token);

        // First pass: every Pod is deleted gracefully, with its tombstone stored first.
        var first = await cluster.ReconcileAsync("nightly");
        Assert.Equal(3, first.CountDeletions(TaskDeletionMode.Graceful, TaskDeletionOutcomeKind.Deleted));
        Assert.Equal(3, first.Tombstones.Length);
        Assert.Equal(JobPhase.Killing, first.Phase);
        Assert.Equal(Duration.FromSeconds(90), first.RequeueAfter); // deletionTimestamp (now + 30 s grace) + 60 s

        // The healthy nodes' kubelets stop their Pods; the Pod on the dead node stays Terminating.
        cluster.Clock.AdvanceSeconds(10);
        var second = await cluster.ReconcileAsync("nightly");
        Assert.Empty(second.Deletions);
        Assert.Equal(JobPhase.Killing, second.Phase);
        var pods = await cluster.PodsAsync();
        var left = Assert.Single(pods);
        Assert.Equal(stuck, left.Metadata.Name);
        Assert.NotNull(left.Metadata.DeletionTimestamp);

        // Keep reconciling as asked until the Job is killed: the stuck Pod is forced 60 s after its deletionTimestamp.
        var results = await cluster.ReconcileUntilAsync("nightly", JobPhase.Killed, Duration.FromSeconds(10), killAt + Duration.FromMinutes(10));
        var last = results[^1];
        Assert.Equal(JobPhase.Killed, last.Phase);
        Assert.Equal(killAt + Duration.FromSeconds(90), cluster.Clock.GetCurrentInstant());
        var forced = Assert.Single(results.SelectMany(r => r.Deletions), d => d.Request.Mode == TaskDeletionMode.Force);
        Assert.Equal(stuck, forced.Request.PodName);
        Assert.Equal(TerminationRule.ForceDeletionTimeout, forced.Decision.Cause.Rule);

        // Exactly one forced DELETE reached the API server, for the stuck Pod.
        var forcedDeletes = cluster.Emulator.RequestLog.Where(r => r.Verb == KubernetesVerb.Delete && r.Resource == "pods" && r.Query.Contains("gracePeriodSeconds=0", StringComparison.Ordinal)).ToList();
        Assert.Equal(stuck, Assert.Single(forcedDeletes).Name);
        Assert.Equal(3, cluster.Emulator.CountRequests(KubernetesVerb.Delete, "pods") - forcedDeletes.Count);
        Assert.Empty(await cluster.PodsAsync());

        var status = (await cluster.GetJobAsync("nightly")).Status!;
        Assert.Equal(JobPhase.Killed, status.Phase);
        Assert.Equal(JobResult.Killed, status.Condition.Finished!.Result);
        var stuckRef = Assert.Single(status.Tasks!, t => t.Name == stuck);
        Assert.Equal(TaskState.Terminated, stuckRef.Status.State);
        Assert.Equal(TaskResult.Killed, stuckRef.Status.Result);
        Assert.Equal("ForceDeleted", stuckRef.Status.Reason);
        Assert.Equal("Forcefully deleted the task, container may still be running", stuckRef.Status.Message);
        Assert.Equal("ForceDeleted", stuckRef.DeletedStatus!.Reason);
        foreach (var graceful in status.Tasks!.Where(t => t.Name != stuck))
        {
            Assert.Equal(TaskState.Terminated, graceful.Status.State);
            Assert.Equal(TaskResult.Killed, graceful.Status.Result);
            Assert.Null(graceful.Status.Reason);
        }

        Assert.Equal(3, status.Tasks!.Count);
    }

    [Fact]
    public async Task Each_deleted_Pod_gets_a_Warning_Event_on_the_Job_as_Furiko_records_it()
    {
        using var cluster = Cluster.Start(new TerminationOptions { ForceDeleteTaskTimeoutSeconds = 60 });
        var job = cluster.SeedParallelJob("nightly", Nodes, downNodes: ["node-c"]);
        await cluster.Kills.RequestKillAsync(Cluster.Ns, "nightly", KillRequest.Now, Cluster.Token);

        await cluster.ReconcileUntilAsync("nightly", JobPhase.Killed, Duration.FromSeconds(30), Cluster.T0 + Duration.FromMinutes(10));

        var events = await cluster.EventsAsync();
        Assert.Equal(4, events.Count);
        Assert.All(events, e =>
        {
            Assert.Equal("Warning", e.Type);
            Assert.Equal("Job", e.InvolvedObject.Kind);
            Assert.Equal("execution.furiko.io/v1alpha1", e.InvolvedObject.ApiVersion);
            Assert.Equal("nightly", e.InvolvedObject.Name);
            Assert.Equal(job.Metadata.Uid, e.InvolvedObject.Uid);
            Assert.False(string.IsNullOrEmpty(e.InvolvedObject.ResourceVersion));
            Assert.Equal(1, e.Count);
        });
        Assert.Equal(
            new (string, string)[]
            {
                ("Deleted", "Deleted task " + Cluster.PodName("nightly", 0)),
                ("Deleted", "Deleted task " + Cluster.PodName("nightly", 1)),
                ("Deleted", "Deleted task " + Cluster.PodName("nightly", 2)),
                ("ForceDeleted", "Deleted task " + Cluster.PodName("nightly", 2)),
            }.Order().ToList(),
            events.Select(e => (e.Reason, e.Message)).Order().ToList());
    }

    [Fact]
    public async Task With_forbidTaskForceDeletion_the_Job_stays_Killing_and_no_force_delete_is_ever_sent()
    {
        using var cluster = Cluster.Start(new TerminationOptions { ForceDeleteTaskTimeoutSeconds = 60 });
        cluster.SeedParallelJob("careful", Nodes, downNodes: ["node-c"], forbidForceDeletion: true);
        await cluster.Kills.RequestKillAsync(Cluster.Ns, "careful", KillRequest.Now, Cluster.Token);

        var results = await cluster.ReconcileUntilAsync("careful", JobPhase.Killed, Duration.FromMinutes(5), Cluster.T0 + Duration.FromHours(2));

        Assert.All(results, r => Assert.Equal(JobPhase.Killing, r.Phase));
        Assert.All(results, r => Assert.Null(r.RequeueAfter)); // nothing will change by itself: no timed wake-up
        Assert.DoesNotContain(cluster.Wire.PodDeletes, d => d.IsForced);
        Assert.DoesNotContain(cluster.Emulator.RequestLog, r => r.Verb == KubernetesVerb.Delete && r.Query.Contains("gracePeriodSeconds", StringComparison.Ordinal));
        Assert.Equal(3, cluster.Wire.PodDeletes.Count);
        var left = Assert.Single(await cluster.PodsAsync());
        Assert.Equal(Cluster.PodName("careful", 2), left.Metadata.Name);
        var status = (await cluster.GetJobAsync("careful")).Status!;
        Assert.Equal(JobPhase.Killing, status.Phase);
        Assert.Equal("Waiting for 1 out of 3 task(s) to be deleted", status.Condition.Waiting!.Message);
    }
}
