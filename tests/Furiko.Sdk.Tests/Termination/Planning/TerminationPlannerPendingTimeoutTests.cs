using Furiko.Sdk.Text;
using Furiko.Sdk.Models;
using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.Deletion;
using Furiko.Sdk.Termination.Planning;
using NodaTime;
using static Furiko.Sdk.Tests.Termination.TerminationFixtures;

namespace Furiko.Sdk.Tests.Termination.Planning;

/// <summary>FURIKO-SEMANTICS 5.1 as the planner applies it.</summary>
public class TerminationPlannerPendingTimeoutTests
{
    public static TheoryData<long, long?, long, bool, long?> Rows() => new()
    {
        // default timeout, per-Job timeout, seconds since creation, deleted?, expected wake-up (seconds after T0)
        { 900, null, 899, false, 900 },
        { 900, null, 900, true, null },
        { 900, null, 901, true, null },
        { 0, null, 100_000, false, null },
        { 900, 0, 100_000, false, null },
        { 900, 60, 59, false, 60 },
        { 900, 60, 60, true, null },
        { 0, 60, 60, true, null },
        { 900, -5, 899, false, 900 },
        { 900, -5, 900, true, null },
        { 0, -5, 100_000, false, null },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Pending_task_is_deleted_at_its_deadline(long defaultSeconds, long? jobSeconds, long now, bool deleted, long? wakeUp)
    {
        var job = NewJob();
        job.Spec.Template!.TaskPendingTimeoutSeconds = jobSeconds;

        var plan = Planner(pendingSeconds: defaultSeconds).Plan(job, [Pending("t", At(0))], At(now));

        Assert.Equal(deleted, plan.HasDecisions);
        Assert.Equal(wakeUp is null ? null : At(wakeUp.Value), plan.WakeUp?.At);
        if (deleted)
        {
            var decision = plan.Single("t");
            Assert.Equal(TaskDeletionMode.Graceful, decision.Deletion);
            Assert.Equal(TombstoneWriteMode.Overwrite, decision.Tombstone!.Value.Mode);
            var timeout = jobSeconds is >= 0 ? jobSeconds.Value : defaultSeconds;
            Assert.Equal(
                new Tombstone(TaskState.Terminated, TaskResult.Killed, "PendingTimeout", "Task exceeded pending timeout of " + GoDuration.Format(Duration.FromSeconds(timeout))),
                decision.Tombstone!.Value.Tombstone);
            Assert.Equal(new TerminationCause(TerminationRule.PendingTimeout, At(now), At(timeout)), decision.Cause);
        }
    }

    [Fact]
    public void Running_finished_and_deleting_tasks_are_not_pending()
    {
        var tasks = new[]
        {
            Running("running", At(0)),
            Finished("finished", At(0), At(5)),
            Pending("deleting", At(0)).DeletingAt(At(10)),
        };

        var plan = Planner(forceSeconds: 0).Plan(NewJob(), tasks, At(10_000));

        Assert.False(plan.HasDecisions);
        Assert.Null(plan.WakeUp);
    }

    [Fact]
    public void Pending_timeout_does_not_stop_task_creation()
    {
        var plan = Planner().Plan(NewJob(), [Pending("t", At(0))], At(900));

        Assert.True(plan.HasDecisions);
        Assert.True(plan.CanCreateTasks);
        Assert.Null(plan.KillCause);
    }
}
