using System.Diagnostics;
using Furiko.Sdk.KillRequests;
using Furiko.Sdk.Models;
using Furiko.Sdk.Testing.Emulator;

namespace Furiko.Samples.Controller.Tests.Integration;

/// <summary>
/// Two replicas against one emulated cluster, each with its own client whose requests are tagged with its identity:
/// only the leader watches and writes, a leader that stops (gracefully, or because it cannot renew its Lease) stops
/// working, and the other takes over without deleting any Pod a second time.
/// </summary>
[Collection(ReplicaTestGroup.Name)]
public sealed class LeaderElectionTests
{
    private static async Task<(ControllerReplica Leader, ControllerReplica Follower)> LeaderOfAsync(ControllerReplica a, ControllerReplica b)
    {
        await Eventually.WaitUntilAsync(() => a.IsLeading || b.IsLeading, "one replica leads");
        return a.IsLeading ? (a, b) : (b, a);
    }

    private static void AssertOneAcceptedDeletePerPod(TestCluster cluster, int pods)
    {
        var deletes = cluster.AcceptedPodDeletesByUid();
        Assert.Equal(pods, deletes.Count);
        Assert.All(deletes, d => Assert.True(d.Value.Count == 1, $"Pod {d.Key} was deleted {d.Value.Count} times: {string.Join("; ", d.Value)}"));
    }

    [Fact]
    public async Task Only_the_leader_acts_and_a_stopped_leader_hands_over_without_deleting_any_Pod_twice()
    {
        using var cluster = new TestCluster();
        cluster.SeedJob("nightly", "node-a", "node-b", "node-c");
        cluster.Emulator.MarkNodeDown("node-c"); // its Pod stays Terminating across the handover
        await using var a = await ControllerReplica.StartAsync(cluster, "controller-a");
        await using var b = await ControllerReplica.StartAsync(cluster, "controller-b");
        var (leader, follower) = await LeaderOfAsync(a, b);
        await Eventually.WaitUntilAsync(() => cluster.Job("nightly")?.Status?.Tasks?.Count == 3, "the leader wrote the Job's status");

        await cluster.Kills.RequestKillAsync(TestCluster.Ns, "nightly", KillRequest.Now, TestCluster.Token);
        await Eventually.WaitUntilAsync(
            () => cluster.Pod(TestCluster.PodName("nightly", 0)) is null
                && cluster.Pod(TestCluster.PodName("nightly", 1)) is null
                && cluster.Pod(TestCluster.PodName("nightly", 2))?.Metadata.DeletionTimestamp is not null,
            "the leader deleted the three Pods (two gone, one Terminating on the dead node)");

        // The follower only ever tried for the Lease (read it; at the start, perhaps tried to create it and lost the
        // race): no watch, no list, no write that succeeded.
        Assert.All(cluster.Journal.From(follower.Identity), e => Assert.True(e.IsLease && !(e.IsWrite && e.Succeeded), $"The follower sent {e}"));

        await leader.StopAsync();
        var stopped = cluster.Journal.Mark;
        var handover = await Eventually.WaitUntilAsync(() => follower.IsLeading, "the follower leads");
        Assert.True(handover < TimeSpan.FromSeconds(1.5), $"The released Lease was taken over after {handover}, not within a retry period or so.");

        // The new leader's first pass deletes nothing (the Pod on the dead node is already Terminating) and asks to look
        // again at the force-deletion deadline, 15 minutes away.
        await Eventually.WaitUntilAsync(
            () => follower.Controller.Session is { Queue: { DelayedCount: 1, ProcessingCount: 0, ReadyCount: 0 } },
            "the new leader reconciled the Job and requeued it for the force-deletion deadline");

        // The node comes back: its kubelet removes the Pod, the Pod watch wakes the Job, and the new leader finishes it.
        cluster.Emulator.MarkNodeUp("node-c");
        await Eventually.WaitUntilAsync(() => cluster.Job("nightly")?.Status?.Phase == JobPhase.Killed, "the Job is Killed");

        Assert.DoesNotContain(cluster.Journal.From(leader.Identity), e => e.Sequence >= stopped);
        var followerWork = cluster.Journal.From(follower.Identity).Where(e => !e.IsLease).ToList();
        Assert.All(followerWork, e => Assert.True(e.Sequence > stopped, $"The follower worked before it led: {e}"));
        Assert.Contains(followerWork, e => e.IsWrite && e.Attributes.Subresource == "status");
        AssertOneAcceptedDeletePerPod(cluster, 3);
        Assert.All(cluster.AcceptedPodDeletesByUid().Values.SelectMany(d => d), d => Assert.Equal(leader.Identity, d.Source));
        Assert.Equal(follower.Identity, cluster.Lease(ControllerReplica.LeaseNamespace, "furiko-sample-controller")?.Spec.HolderIdentity);
    }

    [Fact]
    public async Task A_leader_stopped_mid_pass_cancels_it_at_the_shutdown_timeout_and_the_next_leader_deletes_what_it_had_not()
    {
        using var cluster = new TestCluster();
        cluster.SeedJob("nightly", "node-a", "node-b", "node-c");
        var held = TestCluster.PodName("nightly", 2);
        var slowDelete = cluster.Emulator.InjectFault(new RequestMatch(KubernetesVerb.Delete, "pods") { Name = held }, EmulatorFault.Delay(TimeSpan.FromSeconds(30)));
        await using var a = await ControllerReplica.StartAsync(cluster, "controller-a", shutdownTimeout: TimeSpan.FromMilliseconds(300));
        await using var b = await ControllerReplica.StartAsync(cluster, "controller-b", shutdownTimeout: TimeSpan.FromMilliseconds(300));
        var (leader, follower) = await LeaderOfAsync(a, b);

        await cluster.Kills.RequestKillAsync(TestCluster.Ns, "nightly", KillRequest.Now, TestCluster.Token);
        await Eventually.WaitUntilAsync(() => slowDelete.HitCount == 1, "the leader's DELETE of the third Pod is held by the API server");

        var stopping = Stopwatch.StartNew();
        await leader.StopAsync();
        stopping.Stop();

        Assert.InRange(stopping.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
        Assert.Null(cluster.Pod(held)!.Metadata.DeletionTimestamp); // the held DELETE was cancelled, never carried out
        await Eventually.WaitUntilAsync(() => cluster.Job("nightly")?.Status?.Phase == JobPhase.Killed, "the new leader killed the Job");
        Assert.True(follower.IsLeading);
        AssertOneAcceptedDeletePerPod(cluster, 3);
        var heldDelete = cluster.AcceptedPodDeletesByUid().Single(d => d.Value.Single().Path.EndsWith("/" + held, StringComparison.Ordinal)).Value.Single();
        Assert.Equal(follower.Identity, heldDelete.Source);
    }

    [Fact]
    public async Task A_leader_stopped_mid_pass_lets_it_finish_within_the_shutdown_timeout_and_the_next_leader_deletes_nothing()
    {
        using var cluster = new TestCluster();
        cluster.SeedJob("nightly", "node-a", "node-b");
        var slow = TestCluster.PodName("nightly", 1);
        var slowDelete = cluster.Emulator.InjectFault(new RequestMatch(KubernetesVerb.Delete, "pods") { Name = slow }, EmulatorFault.Delay(TimeSpan.FromMilliseconds(700)));
        await using var a = await ControllerReplica.StartAsync(cluster, "controller-a");
        await using var b = await ControllerReplica.StartAsync(cluster, "controller-b");
        var (leader, follower) = await LeaderOfAsync(a, b);

        await cluster.Kills.RequestKillAsync(TestCluster.Ns, "nightly", KillRequest.Now, TestCluster.Token);
        await Eventually.WaitUntilAsync(() => slowDelete.HitCount == 1, "the leader's DELETE of the second Pod is slow");
        await leader.StopAsync();

        // The pass finished before the leader let go: its slow DELETE landed.
        Assert.NotNull(cluster.Journal.From(leader.Identity).SingleOrDefault(e => e.Attributes is { Verb: "delete", Name: var name } && name == slow && e.Succeeded));
        await Eventually.WaitUntilAsync(() => cluster.Job("nightly")?.Status?.Phase == JobPhase.Killed, "the Job is Killed");
        AssertOneAcceptedDeletePerPod(cluster, 2);
        Assert.DoesNotContain(cluster.Journal.From(follower.Identity), e => e.Attributes.Verb == "delete");
    }

    [Fact]
    public async Task A_leader_that_cannot_renew_its_Lease_stops_all_work_within_the_renew_deadline_and_work_resumes_once_it_can()
    {
        using var cluster = new TestCluster();
        cluster.SeedJob("nightly", "node-a");
        await using var a = await ControllerReplica.StartAsync(cluster, "controller-a");
        await using var b = await ControllerReplica.StartAsync(cluster, "controller-b");
        var (leader, _) = await LeaderOfAsync(a, b);
        await Eventually.WaitUntilAsync(() => cluster.Job("nightly")?.Status?.Tasks?.Count == 1, "the leader wrote the Job's status");

        // The API server refuses every Lease write: the leader cannot renew, and nobody can take over.
        cluster.Emulator.InjectFault(new RequestMatch(KubernetesVerb.Update, "leases"), EmulatorFault.Status(500), times: 100_000);
        var lost = await Eventually.WaitUntilAsync(() => !leader.IsLeading, "the leader gives up leading");
        Assert.True(lost < TimeSpan.FromSeconds(3), $"Leadership was given up after {lost}; the renew deadline is 1.5 s.");
        await Eventually.WaitUntilAsync(() => leader.Controller.Session is null, "the leader's session is over");

        var mark = cluster.Journal.Mark;
        await cluster.Kills.RequestKillAsync(TestCluster.Ns, "nightly", KillRequest.Now, TestCluster.Token);
        await Task.Delay(TimeSpan.FromSeconds(1), TestCluster.Token);
        Assert.DoesNotContain(cluster.Journal.Entries, e => e.Sequence >= mark && e.Source != TestCluster.TestSource && !e.IsLease);
        Assert.Null(cluster.Pod(TestCluster.PodName("nightly", 0))!.Metadata.DeletionTimestamp);

        cluster.Emulator.ClearFaults();
        await Eventually.WaitUntilAsync(() => cluster.Job("nightly")?.Status?.Phase == JobPhase.Killed, "a new term of leadership kills the Job");
        Assert.True(a.IsLeading ^ b.IsLeading);
        AssertOneAcceptedDeletePerPod(cluster, 1);
    }
}
