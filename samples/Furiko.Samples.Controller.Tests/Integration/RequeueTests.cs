using Furiko.Samples.Controller.Watching;
using Furiko.Sdk.KillRequests;
using Furiko.Sdk.Models;
using Furiko.Sdk.Testing.Emulator;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace Furiko.Samples.Controller.Tests.Integration;

/// <summary>
/// One replica whose queue runs on a fake <see cref="TimeProvider"/>, moved together with the reconciler's fake clock:
/// what the controller does when nothing but time changes.
/// </summary>
[Collection(ReplicaTestGroup.Name)]
public sealed class RequeueTests
{
    private static readonly JobKey Nightly = new(TestCluster.Ns, "nightly");
    private readonly FakeTimeProvider _time = new(TestCluster.T0.ToDateTimeOffset());

    private void Advance(TestCluster cluster, Duration by)
    {
        cluster.Clock.Advance(by);
        _time.Advance(by.ToTimeSpan());
    }

    [Fact]
    public async Task A_future_kill_time_is_acted_on_when_the_requested_delay_passes_with_no_event_to_wake_the_Job()
    {
        using var cluster = new TestCluster();
        cluster.SeedJob("nightly", "node-a");
        await using var replica = await ControllerReplica.StartAsync(cluster, "controller-0", time: _time);
        await Eventually.WaitUntilAsync(() => replica.IsLeading, "the replica leads");

        await cluster.Kills.RequestKillAsync(TestCluster.Ns, "nightly", KillRequest.AfterDuration(Duration.FromMinutes(5)), TestCluster.Token);
        await Eventually.WaitUntilAsync(() => replica.Controller.Session?.Queue.DelayedCount == 1, "the Job is requeued for its kill time");
        Assert.NotNull(cluster.Pod(TestCluster.PodName("nightly", 0)));

        Advance(cluster, Duration.FromMinutes(5) - Duration.FromSeconds(1));
        await Task.Delay(200, TestCluster.Token);
        Assert.Null(cluster.Pod(TestCluster.PodName("nightly", 0))!.Metadata.DeletionTimestamp);

        Advance(cluster, Duration.FromSeconds(1));
        await Eventually.WaitUntilAsync(() => cluster.Job("nightly")?.Status?.Phase == JobPhase.Killed, "the Job is Killed at its kill time");
    }

    [Fact]
    public async Task A_failing_reconcile_is_retried_with_a_doubling_wait_and_its_failures_are_forgotten_after_a_success()
    {
        using var cluster = new TestCluster();
        cluster.SeedJob("nightly", "node-a");

        // The reconciler's Pod lookup (a list in the Job's namespace) is forbidden: not a transient failure, so the SDK
        // does not retry it itself; the controller's queue does.
        var forbidden = cluster.Emulator.InjectFault(
            new RequestMatch(KubernetesVerb.List, "pods") { Namespace = TestCluster.Ns }, EmulatorFault.Status(403), times: 1000);
        await using var replica = await ControllerReplica.StartAsync(cluster, "controller-0", time: _time);

        // At start the Job is woken more than once (the Job watch, the Pod list), so it may fail more than once before
        // its first retry (which the earliest delay decides). Wait until both watches run and the queue is quiet, then
        // let that retry come, so that the next delay is measured from a failure with no other wait pending.
        bool Quiet() => replica.Controller.Session is { Queue: { DelayedCount: 1, ReadyCount: 0, ProcessingCount: 0 } };
        await Eventually.WaitUntilAsync(
            () => cluster.Journal.From("controller-0").Count(e => e.Attributes.Verb == "watch") == 2 && Quiet() && forbidden.HitCount > 0,
            "the first passes failed and the Job waits for its retry");
        var queue = replica.Controller.Session!.Queue;
        var hits = forbidden.HitCount;
        _time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.WaitUntilAsync(() => forbidden.HitCount == hits + 1 && Quiet(), "the first retry failed");
        var failures = queue.FailuresOf(Nightly);
        Assert.Equal(forbidden.HitCount, failures);
        Assert.InRange(failures, 2, 4); // so that the next two waits stay under the 1 s cap of the test settings

        // Base delay 50 ms (test settings), doubled per failure: the retry comes exactly then, and fails again.
        var wait = TimeSpan.FromMilliseconds(50 * (1 << (failures - 1)));
        _time.Advance(wait - TimeSpan.FromMilliseconds(1));
        await Task.Delay(100, TestCluster.Token);
        Assert.Equal(failures, forbidden.HitCount);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.WaitUntilAsync(() => queue.FailuresOf(Nightly) == failures + 1 && queue.DelayedCount == 1, "the retry failed");
        Assert.Null(cluster.Job("nightly")!.Status!.Tasks);

        // The next wait is twice as long; then the lookup is allowed again and the pass succeeds.
        forbidden.Cancel();
        _time.Advance((wait * 2) - TimeSpan.FromMilliseconds(1));
        await Task.Delay(100, TestCluster.Token);
        Assert.Null(cluster.Job("nightly")!.Status!.Tasks);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.WaitUntilAsync(() => cluster.Job("nightly")?.Status?.Tasks?.Count == 1, "the next retry wrote the status");
        await Eventually.WaitUntilAsync(() => queue.FailuresOf(Nightly) == 0, "the failures are forgotten");
        Assert.Equal(failures + 1, forbidden.HitCount);
    }

    [Fact]
    public async Task A_pass_that_leaves_a_delete_undone_is_retried_after_the_backoff_and_the_retry_finishes_the_kill()
    {
        using var cluster = new TestCluster();
        cluster.SeedJob("nightly", "node-a");

        // DELETEs fail with 500 and the SDK is told not to retry them itself: each pass reports its delete undone.
        var failing = cluster.Emulator.InjectFault(new RequestMatch(KubernetesVerb.Delete, "pods"), EmulatorFault.Status(500), times: 1000);
        await using var replica = await ControllerReplica.StartAsync(
            cluster, "controller-0", time: _time, settings: new Dictionary<string, string?> { ["Furiko:Kubernetes:Retry:MaxAttempts"] = "1" });
        await Eventually.WaitUntilAsync(() => cluster.Job("nightly")?.Status?.Tasks?.Count == 1, "the Job was reconciled");

        // The kill's first pass fails its delete (and stores the tombstone, a change that wakes the Job once more);
        // then the Job waits for its backoff, and nothing else wakes it.
        await cluster.Kills.RequestKillAsync(TestCluster.Ns, "nightly", KillRequest.Now, TestCluster.Token);
        bool Quiet() => replica.Controller.Session is { Queue: { DelayedCount: 1, ReadyCount: 0, ProcessingCount: 0 } };
        await Eventually.WaitUntilAsync(() => failing.HitCount > 0 && Quiet(), "the delete failed and the Job waits for a retry");
        var failures = replica.Controller.Session!.Queue.FailuresOf(Nightly);
        Assert.Equal(failing.HitCount, failures);
        await Task.Delay(200, TestCluster.Token);
        Assert.Equal(failures, failing.HitCount);

        failing.Cancel();
        _time.Advance(TimeSpan.FromMilliseconds(50 * (1 << (failures - 1))));
        await Eventually.WaitUntilAsync(() => cluster.Job("nightly")?.Status?.Phase == JobPhase.Killed, "the retry deleted the Pod and the Job is Killed");
        await Eventually.WaitUntilAsync(() => replica.Controller.Session?.Queue.FailuresOf(Nightly) == 0, "the failures are forgotten");
    }
}
