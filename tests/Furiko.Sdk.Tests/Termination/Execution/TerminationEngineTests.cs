using System.Collections.Concurrent;
using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.Deletion;
using Furiko.Sdk.Termination.Execution;
using Furiko.Sdk.Testing.Deletion;
using Furiko.Sdk.Testing.Execution;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using static Furiko.Sdk.Tests.Termination.TerminationFixtures;

namespace Furiko.Sdk.Tests.Termination.Execution;

public class TerminationEngineTests
{
    private readonly FakeClock _clock = new(At(600));
    private readonly FakeTaskDeletionStrategy _deletions = new();
    private readonly InMemoryTerminationStatusSink _sink = new();

    private TerminationEngine Engine(ITaskDeletionStrategy? deletions = null, int maxConcurrentDeletes = 8) =>
        new(Planner(), _sink, deletions ?? _deletions, _clock, Options.Create(new TerminationOptions { MaxConcurrentDeletes = maxConcurrentDeletes }));

    private static (Job Job, ObservedTask[] Tasks) KilledJob(int taskCount = 2)
    {
        var tasks = Enumerable.Range(0, taskCount).Select(i => Running($"my-job-task{i}", At(0))).ToArray();
        var job = NewJob().WithTaskRefs(tasks);
        job.Spec.KillTimestamp = At(600);
        return (job, tasks);
    }

    [Fact]
    public async Task A_due_kill_writes_tombstones_then_deletes_each_task_with_its_uid()
    {
        var (job, tasks) = KilledJob();

        var result = await Engine().ExecuteAsync(job, tasks, TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Tombstones.Length);
        Assert.All(job.Status!.Tasks!, taskRef => Assert.Equal((TaskState.Terminated, (TaskResult?)TaskResult.Killed), (taskRef.DeletedStatus!.State, taskRef.DeletedStatus.Result)));
        Assert.Equal(
            [("default", "my-job-task0", "my-job-task0-uid", TaskDeletionMode.Graceful), ("default", "my-job-task1", "my-job-task1-uid", TaskDeletionMode.Graceful)],
            _deletions.Requests.Select(request => (request.Namespace, request.PodName, request.PodUid, request.Mode)).OrderBy(request => request.PodName));
        Assert.True(result.AllDeletionsSucceeded);
    }

    [Fact]
    public async Task Tombstones_are_stored_before_any_delete_is_sent()
    {
        var (job, tasks) = KilledJob(4);
        var tombstoneSeenAtDelete = new ConcurrentBag<bool>();
        _deletions.OnDelete = request => tombstoneSeenAtDelete.Add(job.Status!.Tasks!.Single(taskRef => taskRef.Name == request.PodName).DeletedStatus is not null);

        await Engine().ExecuteAsync(job, tasks, TestContext.Current.CancellationToken);

        Assert.Equal([true, true, true, true], tombstoneSeenAtDelete);
    }

    [Fact]
    public async Task When_the_tombstones_cannot_be_stored_no_delete_is_sent()
    {
        var (job, tasks) = KilledJob();
        _sink.FailWith(new IOException("status write refused"));

        await Assert.ThrowsAsync<IOException>(() => Engine().ExecuteAsync(job, tasks, TestContext.Current.CancellationToken));

        Assert.Empty(_deletions.Requests);
    }

    [Fact]
    public async Task A_failed_delete_is_reported_not_thrown_and_the_others_still_happen()
    {
        var (job, tasks) = KilledJob(3);
        _deletions.FailFor("my-job-task1").ReportGoneFor("my-job-task2");

        var result = await Engine().ExecuteAsync(job, tasks, TestContext.Current.CancellationToken);

        var outcomes = result.Deletions.ToDictionary(deletion => deletion.Request.PodName, deletion => deletion.Outcome.Kind);
        Assert.Equal(TaskDeletionOutcomeKind.Deleted, outcomes["my-job-task0"]);
        Assert.Equal(TaskDeletionOutcomeKind.Failed, outcomes["my-job-task1"]);
        Assert.Equal(TaskDeletionOutcomeKind.AlreadyGone, outcomes["my-job-task2"]);
        Assert.True(result.AnyDeletionFailed);
        Assert.False(result.AllDeletionsSucceeded);
    }

    [Fact]
    public async Task A_failed_delete_is_retried_on_the_next_pass()
    {
        var (job, tasks) = KilledJob(1);
        _deletions.FailFor("my-job-task0");
        await Engine().ExecuteAsync(job, tasks, TestContext.Current.CancellationToken);
        _deletions.Succeed("my-job-task0");

        var retry = await Engine().ExecuteAsync(job, tasks, TestContext.Current.CancellationToken);

        Assert.Equal(TaskDeletionOutcomeKind.Deleted, Assert.Single(retry.Deletions).Outcome.Kind);
        Assert.Equal(2, _deletions.RequestsFor("my-job-task0").Count);
    }

    [Fact]
    public async Task A_replaced_task_is_reported_as_such()
    {
        var (job, tasks) = KilledJob(1);
        _deletions.ReplaceFor("my-job-task0");

        var result = await Engine().ExecuteAsync(job, tasks, TestContext.Current.CancellationToken);

        Assert.Equal(TaskDeletionOutcomeKind.Replaced, Assert.Single(result.Deletions).Outcome.Kind);
        Assert.False(result.AnyDeletionFailed);
        Assert.False(result.AllDeletionsSucceeded);
    }

    [Fact]
    public async Task A_strategy_that_throws_gives_a_failed_outcome_carrying_the_error()
    {
        var (job, tasks) = KilledJob(1);
        var boom = new HttpRequestException("connection refused");
        _deletions.AnswerFor("my-job-task0", _ => throw boom);

        var result = await Engine().ExecuteAsync(job, tasks, TestContext.Current.CancellationToken);

        Assert.Same(boom, Assert.Single(result.Deletions).Outcome.Error);
    }

    [Fact]
    public async Task Deletes_run_with_bounded_concurrency()
    {
        var (job, tasks) = KilledJob(10);
        var slow = new ConcurrencyMeasuringStrategy();

        var result = await Engine(slow, maxConcurrentDeletes: 3).ExecuteAsync(job, tasks, TestContext.Current.CancellationToken);

        Assert.Equal(10, result.Deletions.Length);
        Assert.InRange(slow.MaxInFlight, 1, 3);
    }

    [Fact]
    public async Task With_a_frozen_clock_a_second_pass_over_the_first_s_result_decides_nothing_new()
    {
        var pending = Pending("my-job-pending", At(-300));
        var running = Running("my-job-running", At(0));
        var job = NewJob().WithTaskRefs(pending, running);
        job.Spec.KillTimestamp = At(600);
        var engine = Engine();
        var first = await engine.ExecuteAsync(job, [pending, running], TestContext.Current.CancellationToken);
        Assert.Equal(2, first.Deletions.Length);

        // The world after pass 1: both Pods are Terminating, with deletionTimestamp = now + 30 s grace period.
        var deletingAt = _clock.GetCurrentInstant() + Duration.FromSeconds(30);
        var second = await engine.ExecuteAsync(job, [pending.DeletingAt(deletingAt), running.DeletingAt(deletingAt)], TestContext.Current.CancellationToken);

        Assert.False(second.Plan.HasDecisions);
        Assert.Empty(second.Deletions);
        Assert.Equal(2, _deletions.Requests.Count);
        Assert.Equal(1, _sink.WriteCount);
        Assert.Equal("PendingTimeout", job.Status!.Tasks![0].DeletedStatus!.Reason);
        Assert.Equal(Duration.FromSeconds(930), second.RequeueAfter);
    }

    [Fact]
    public async Task Nothing_due_means_no_status_write_and_no_delete()
    {
        var result = await Engine().ExecuteAsync(NewJob(), [Running("a", At(0))], TestContext.Current.CancellationToken);

        Assert.Equal(0, _sink.WriteCount);
        Assert.Empty(result.Deletions);
        Assert.Empty(result.Tombstones);
    }

    [Fact]
    public async Task A_Job_without_namespace_is_refused_before_anything_is_written()
    {
        var (job, tasks) = KilledJob(1);
        job.Metadata.NamespaceProperty = null;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Engine().ExecuteAsync(job, tasks, TestContext.Current.CancellationToken));

        Assert.Contains("metadata.namespace", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _sink.WriteCount);
    }

    [Fact]
    public async Task A_task_without_uid_is_refused_before_anything_is_written()
    {
        var (job, tasks) = KilledJob(1);
        tasks[0] = tasks[0] with { Uid = string.Empty };

        await Assert.ThrowsAsync<ArgumentException>(() => Engine().ExecuteAsync(job, tasks, TestContext.Current.CancellationToken));

        Assert.Equal(0, _sink.WriteCount);
    }

    [Fact]
    public async Task Cancellation_stops_the_pass_before_deletes()
    {
        var (job, tasks) = KilledJob();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Engine().ExecuteAsync(job, tasks, cancelled.Token));

        Assert.Empty(_deletions.Requests);
    }

    [Fact]
    public async Task A_forced_delete_sends_grace_period_zero()
    {
        var task = Running("stuck", At(0)).DeletingAt(At(0));
        var job = NewJob().WithTaskRefs(task);
        _clock.Reset(At(900));

        await Engine().ExecuteAsync(job, [task], TestContext.Current.CancellationToken);

        var request = Assert.Single(_deletions.Requests);
        Assert.Equal((TaskDeletionMode.Force, (long?)0), (request.Mode, request.EffectiveGracePeriodSeconds));
        Assert.Equal("ForceDeleted", job.Status!.Tasks![0].DeletedStatus!.Reason);
    }

    private sealed class ConcurrencyMeasuringStrategy : ITaskDeletionStrategy
    {
        private int _inFlight;
        private int _maxInFlight;

        public int MaxInFlight => Volatile.Read(ref _maxInFlight);

        public async ValueTask<TaskDeletionOutcome> DeleteAsync(TaskDeletionRequest request, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inFlight);
            int seen;
            while ((seen = Volatile.Read(ref _maxInFlight)) < now && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
            {
            }

            await Task.Delay(5, cancellationToken);
            Interlocked.Decrement(ref _inFlight);
            return TaskDeletionOutcome.Deleted;
        }
    }
}
