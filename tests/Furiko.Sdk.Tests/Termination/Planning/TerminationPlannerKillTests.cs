using Furiko.Sdk.Models;
using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.Deletion;
using Furiko.Sdk.Termination.Planning;
using NodaTime;
using NodaTime.Testing;
using static Furiko.Sdk.Tests.Termination.TerminationFixtures;

namespace Furiko.Sdk.Tests.Termination.Planning;

/// <summary>FURIKO-SEMANTICS 4 and 5.2, with 7.1 (wake-up at a future kill time) and 7.2 (one delete per task per pass).</summary>
public class TerminationPlannerKillTests
{
    private readonly FakeClock _clock = new(At(600));

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void Kill_time_at_or_before_now_deletes_running_tasks(long killSecondsAfterNow, bool killed)
    {
        var job = NewJob();
        var now = _clock.GetCurrentInstant();
        job.Spec.KillTimestamp = now + Duration.FromSeconds(killSecondsAfterNow);

        var plan = Planner().Plan(job, [Running("a", At(0)), Running("b", At(0))], now);

        Assert.Equal(killed ? 2 : 0, plan.Decisions.Length);
        Assert.Equal(killed, plan.KillCause is not null);
        Assert.False(plan.CanCreateTasks);
    }

    [Fact]
    public void Kill_deletes_gracefully_and_overwrites_the_tombstone_with_plain_terminated_killed()
    {
        var job = NewJob();
        job.Spec.KillTimestamp = At(600);

        var decision = Planner().Plan(job, [Running("a", At(0))], At(600)).Single("a");

        Assert.Equal(TaskDeletionMode.Graceful, decision.Deletion);
        Assert.Equal(new TombstoneWrite("a", new Tombstone(TaskState.Terminated, TaskResult.Killed, null, null), TombstoneWriteMode.Overwrite), decision.Tombstone);
        Assert.Equal(new TerminationCause(TerminationRule.KillTimestamp, At(600), At(600)), decision.Cause);
    }

    [Fact]
    public void Kill_never_touches_finished_tasks_nor_sends_a_second_graceful_delete()
    {
        var job = NewJob();
        job.Spec.KillTimestamp = At(500);
        var tasks = new[]
        {
            Finished("done", At(0), At(100)),
            Finished("failed", At(0), At(100), TaskResult.Failed),
            Running("deleting", At(0)).DeletingAt(At(590)),
            Running("running", At(0)),
            Pending("pending", At(550)),
        };

        var plan = Planner().Plan(job, tasks, At(600));

        Assert.Equal(["running", "pending"], plan.Decisions.Select(decision => decision.Task.Name));
    }

    [Fact]
    public void Future_kill_time_is_a_wake_up_and_stops_task_creation()
    {
        var job = NewJob();
        job.Spec.KillTimestamp = At(600 + 3600);

        var plan = Planner().Plan(job, [Running("a", At(0))], At(600));

        Assert.False(plan.HasDecisions);
        Assert.False(plan.CanCreateTasks);
        Assert.Equal(new TerminationWakeUp(At(4200), Duration.FromHours(1), TerminationRule.KillTimestamp), plan.WakeUp);
    }

    [Fact]
    public void After_the_wake_up_the_kill_fires()
    {
        var job = NewJob();
        job.Spec.KillTimestamp = At(600 + 3600);
        var planner = Planner();
        var first = planner.Plan(job, [Running("a", At(0))], _clock.GetCurrentInstant());

        _clock.Advance(first.RequeueAfter!.Value);
        var second = planner.Plan(job, [Running("a", At(0))], _clock.GetCurrentInstant());

        Assert.Equal(TerminationRule.KillTimestamp, second.Single("a").Cause.Rule);
    }

    [Fact]
    public void Pending_timeout_and_kill_in_the_same_pass_give_one_delete_and_keep_the_PendingTimeout_tombstone()
    {
        var job = NewJob();
        job.Spec.KillTimestamp = At(900);
        var tasks = new[] { Pending("stuck", At(0)), Running("busy", At(0)) };

        var plan = Planner().Plan(job, tasks, At(900));

        Assert.Equal(2, plan.Decisions.Length);
        var stuck = plan.Single("stuck");
        Assert.Equal(TerminationRule.PendingTimeout, stuck.Cause.Rule);
        Assert.Equal("PendingTimeout", stuck.Tombstone!.Value.Tombstone.Reason);
        Assert.Equal("Task exceeded pending timeout of 15m0s", stuck.Tombstone!.Value.Tombstone.Message);
        Assert.Equal(TerminationRule.KillTimestamp, plan.Single("busy").Cause.Rule);
        Assert.Equal("stuck", plan.Decisions[0].Task.Name);
    }

    [Theory]
    [InlineData("AllSuccessful", false, true)]
    [InlineData("AllSuccessful", true, false)]
    [InlineData("AnySuccessful", true, true)]
    [InlineData("AnySuccessful", false, false)]
    public void Parallel_completion_kills_the_remaining_tasks(string strategy, bool successful, bool killed)
    {
        var job = NewJob().Parallel(new ParallelCompletionStrategy(strategy), complete: true, successful);
        var tasks = new[] { Finished("index0", At(0), At(100)), Running("index1", At(0)) };

        var plan = Planner().Plan(job, tasks, At(600));

        Assert.Equal(killed, plan.HasDecisions);
        if (killed)
        {
            Assert.Equal(new TerminationCause(TerminationRule.ParallelCompletion, At(600), null), plan.Single("index1").Cause);
            Assert.Equal(TombstoneWriteMode.Overwrite, plan.Single("index1").Tombstone!.Value.Mode);
        }

        // Parallel completion is not a kill request: creation stays allowed as far as termination is concerned.
        Assert.True(plan.CanCreateTasks);
    }

    [Fact]
    public void AnySuccessful_with_one_failure_does_not_kill()
    {
        var job = NewJob().Parallel(ParallelCompletionStrategy.AnySuccessful, complete: false, successful: null);
        var tasks = new[] { Finished("index0", At(0), At(100), TaskResult.Failed), Running("index1", At(0)) };

        var plan = Planner().Plan(job, tasks, At(600));

        Assert.False(plan.HasDecisions);
        Assert.Null(plan.KillCause);
    }

    [Fact]
    public void The_kill_time_is_named_as_the_cause_when_parallel_completion_fires_too()
    {
        var job = NewJob().Parallel(ParallelCompletionStrategy.AllSuccessful, complete: true, successful: false);
        job.Spec.KillTimestamp = At(0);

        var plan = Planner().Plan(job, [Running("a", At(0))], At(600));

        Assert.Equal(TerminationRule.KillTimestamp, plan.KillCause!.Value.Rule);
    }

    [Fact]
    public void A_due_kill_with_no_task_left_still_reports_its_cause()
    {
        var job = NewJob();
        job.Spec.KillTimestamp = At(0);

        var plan = Planner().Plan(job, [Finished("a", At(0), At(10))], At(600));

        Assert.False(plan.HasDecisions);
        Assert.Equal(TerminationRule.KillTimestamp, plan.KillCause!.Value.Rule);
    }

    [Fact]
    public void Admission_error_annotation_stops_task_creation()
    {
        var job = NewJob();
        job.Metadata.Annotations = new Dictionary<string, string> { [FurikoAnnotations.AdmissionError] = "invalid" };

        Assert.False(Planner().Plan(job, [], At(0)).CanCreateTasks);
        Assert.True(Planner().Plan(NewJob(), [], At(0)).CanCreateTasks);
    }
}
