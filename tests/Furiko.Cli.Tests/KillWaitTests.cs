using Furiko.Sdk.Models;
using Furiko.Sdk.Termination;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace Furiko.Cli.Tests;

/// <summary>
/// <c>furiko kill --wait</c>: the test plays Furiko's controller, writing the Job's status through the emulator
/// step by step while the fake clock moves, and checks what the tool shows at each step.
/// </summary>
public sealed class KillWaitTests : IAsyncLifetime
{
    private CliHarness _cli = null!;

    public async ValueTask InitializeAsync() => _cli = await CliHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _cli.DisposeAsync();

    [Fact]
    public async Task Wait_follows_the_kill_until_the_job_is_killed()
    {
        _cli.AddJob(TestJobs.Running("job", tasks: 2));
        var running = _cli.Begin("kill", "job", "--wait", "--timeout", "1h");
        await running.WaitForOutputAsync("2 not deleted yet\n  task job-task0-0: running, not deleted yet\n  task job-task1-0: running, not deleted yet\n");

        // The controller sees the kill time: tombstones first, then graceful deletes (FURIKO-SEMANTICS 5.2, 7.8).
        _cli.Clock.AdvanceSeconds(1);
        await UpdateStatusAsync(status =>
        {
            status.Phase = JobPhase.Killing;
            foreach (var task in status.Tasks!)
            {
                task.DeletedStatus = new TaskRefStatus { State = TaskState.Terminated, Result = TaskResult.Killed };
                task.Status.State = TaskState.Killing;
            }
        });
        await running.WaitForOutputAsync("  task job-task1-0: deleting gracefully (containers stopping)\n");

        // The first task stops within its grace period.
        _cli.Clock.AdvanceSeconds(30);
        await UpdateStatusAsync(status =>
        {
            var task = status.Tasks![0];
            task.FinishTimestamp = _cli.Clock.GetCurrentInstant();
            task.Status = new TaskRefStatus { State = TaskState.Terminated, Result = TaskResult.Killed };
            status.RunningTasks = 1;
        });
        await running.WaitForOutputAsync("  task job-task0-0: finished, result Killed\n");

        // The second one's node is gone: 15 minutes later it is force-deleted (FURIKO-SEMANTICS 5.3).
        _cli.Clock.AdvanceSeconds(900);
        await UpdateStatusAsync(status =>
        {
            var task = status.Tasks![1];
            task.DeletedStatus = new TaskRefStatus
            {
                State = TaskState.Terminated,
                Result = TaskResult.Killed,
                Reason = TombstoneReasons.ForceDeleted,
                Message = TombstoneReasons.ForceDeletedMessage,
            };
        });
        await running.WaitForOutputAsync("force-deleted (Forcefully deleted the task, container may still be running)\n");

        // The Pod is gone: its tombstone becomes its status, and the Job is Killed.
        _cli.Clock.AdvanceSeconds(1);
        await UpdateStatusAsync(status =>
        {
            var task = status.Tasks![1];
            task.FinishTimestamp = _cli.Clock.GetCurrentInstant();
            task.Status = task.DeletedStatus!;
            status.RunningTasks = 0;
            status.Phase = JobPhase.Killed;
            status.State = JobState.Finished;
            status.Condition = new JobCondition
            {
                Finished = new JobConditionFinished { Result = JobResult.Killed, FinishTime = _cli.Clock.GetCurrentInstant() },
            };
        });
        var run = await running.Completion;

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        Assert.Equal(
            """
            Requested for job default/job to be killed at Tue, 09 Feb 2021 12:04:04 +08:00
            Waiting for job default/job to be killed (timeout 1h0m0s)...
            job default/job: phase Running: 2 of 2 task(s) still terminating: 0 deleting gracefully, 0 force-deleted, 2 not deleted yet
              task job-task0-0: running, not deleted yet
              task job-task1-0: running, not deleted yet
            job default/job: phase Killing: 2 of 2 task(s) still terminating: 2 deleting gracefully, 0 force-deleted, 0 not deleted yet
              task job-task0-0: deleting gracefully (containers stopping)
              task job-task1-0: deleting gracefully (containers stopping)
            job default/job: phase Killing: 1 of 2 task(s) still terminating: 1 deleting gracefully, 0 force-deleted, 0 not deleted yet
              task job-task0-0: finished, result Killed
            job default/job: phase Killing: 1 of 2 task(s) still terminating: 0 deleting gracefully, 1 force-deleted, 0 not deleted yet
              task job-task1-0: force-deleted (Forcefully deleted the task, container may still be running)
            job default/job: phase Killed: 0 of 2 task(s) still terminating: 0 deleting gracefully, 0 force-deleted, 0 not deleted yet
              task job-task1-0: finished, result Killed (force-deleted)
            Job default/job was killed at Tue, 09 Feb 2021 12:19:36 +08:00

            """,
            run.Out);
    }

    [Fact]
    public async Task Wait_gives_up_after_the_timeout_with_exit_code_5()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        _cli.TimeProvider = time;
        _cli.AddJob(TestJobs.Running("job"));
        var running = _cli.Begin("kill", "job", "--wait", "--timeout", "5m");
        await running.WaitForOutputAsync("  task job-task0-0: running, not deleted yet\n");

        time.Advance(TimeSpan.FromMinutes(5));
        var run = await running.Completion;

        Assert.Equal(5, run.ExitCode);
        Assert.Equal(
            "error: timed out after 5m0s waiting for job default/job to be killed; last seen phase Running: 1 of 1 task(s) still terminating: 0 deleting gracefully, 0 force-deleted, 1 not deleted yet\n",
            run.Error);
        Assert.Equal(CliHarness.Start, _cli.GetJob("job")!.Spec.KillTimestamp);
    }

    [Fact]
    public async Task Wait_ends_with_a_failure_when_the_job_finishes_otherwise()
    {
        _cli.AddJob(TestJobs.Running("job"));
        var running = _cli.Begin("kill", "job", "--after", "10m", "--wait");
        await running.WaitForOutputAsync("  task job-task0-0: running, not deleted yet\n");

        await UpdateStatusAsync(status =>
        {
            status.Phase = JobPhase.Succeeded;
            status.Tasks![0].FinishTimestamp = _cli.Clock.GetCurrentInstant();
            status.Tasks[0].Status = new TaskRefStatus { State = TaskState.Terminated, Result = TaskResult.Succeeded };
        });
        var run = await running.Completion;

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: job default/job finished with phase Succeeded, not Killed\n", run.Error);
        Assert.Contains("  task job-task0-0: finished, result Succeeded\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_ends_with_a_failure_when_the_job_is_deleted()
    {
        _cli.AddJob(TestJobs.Running("job"));
        var running = _cli.Begin("kill", "job", "--wait");
        await running.WaitForOutputAsync("  task job-task0-0: running, not deleted yet\n");

        await _cli.Controller().DeleteAsync("default", "job", cancellationToken: TestContext.Current.CancellationToken);
        var run = await running.Completion;

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: job default/job was deleted before it was seen killed\n", run.Error);
    }

    [Fact]
    public async Task Wait_on_a_job_killed_already_returns_at_once()
    {
        var job = TestJobs.Finished("job", JobPhase.Killed);
        job.Status!.Condition.Finished!.FinishTime = CliHarness.Start - Duration.FromMinutes(1);
        _cli.AddJob(job);

        var run = await _cli.RunAsync("kill", "job", "--allow-finished", "--wait");

        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("Job default/job was killed at Tue, 09 Feb 2021 12:03:04 +08:00\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_kill_does_not_wait()
    {
        _cli.AddJob(TestJobs.Running("job", killAt: CliHarness.Start + Duration.FromMinutes(1)));

        var run = await _cli.RunAsync("kill", "job", "--wait");

        Assert.Equal(4, run.ExitCode);
        Assert.Empty(run.Out);
    }

    private async Task UpdateStatusAsync(Action<JobStatus> change)
    {
        var controller = _cli.Controller();
        var job = await controller.GetAsync("default", "job", TestContext.Current.CancellationToken);
        change(job.Status!);
        await controller.ReplaceStatusAsync(job, TestContext.Current.CancellationToken);
    }
}
