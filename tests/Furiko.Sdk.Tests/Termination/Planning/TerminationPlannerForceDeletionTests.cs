using Furiko.Sdk.Models;
using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.Deletion;
using Furiko.Sdk.Termination.Planning;
using static Furiko.Sdk.Tests.Termination.TerminationFixtures;

namespace Furiko.Sdk.Tests.Termination.Planning;

/// <summary>FURIKO-SEMANTICS 5.3 with 7.9 (at most one forced delete per Pod).</summary>
public class TerminationPlannerForceDeletionTests
{
    public static TheoryData<long, bool?, long, bool, long?> Rows() => new()
    {
        // force timeout, forbidTaskForceDeletion, seconds since deletionTimestamp, forced?, wake-up (seconds after deletion)
        { 900, null, 899, false, 900 },
        { 900, null, 900, true, null },
        { 900, null, 901, true, null },
        { 900, false, 900, true, null },
        { 900, true, 900, false, null },
        { 900, true, 10_000, false, null },
        { 0, null, 10_000, false, null },
        { 60, null, 59, false, 60 },
        { 60, null, 60, true, null },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Deleting_task_is_forced_once_the_timeout_has_passed(long forceSeconds, bool? forbid, long sinceDeletion, bool forced, long? wakeUp)
    {
        var job = NewJob();
        job.Spec.Template!.ForbidTaskForceDeletion = forbid;
        var deletedAt = At(1000);

        var plan = Planner(forceSeconds).Plan(job, [Running("t", At(0)).DeletingAt(deletedAt)], deletedAt + NodaTime.Duration.FromSeconds(sinceDeletion));

        Assert.Equal(forced, plan.HasDecisions);
        Assert.Equal(wakeUp is null ? null : At(1000 + wakeUp.Value), plan.WakeUp?.At);
        if (forced)
        {
            var decision = plan.Single("t");
            Assert.Equal(TaskDeletionMode.Force, decision.Deletion);
            Assert.Equal(new TombstoneWrite("t", Tombstone.ForceDeleted, TombstoneWriteMode.ForceUpdate), decision.Tombstone);
            Assert.Equal(TerminationRule.ForceDeletionTimeout, decision.Cause.Rule);
            Assert.Equal(At(1000 + forceSeconds), decision.Cause.Deadline);
        }
    }

    [Fact]
    public void Force_applies_to_every_deleting_task_whoever_deleted_it_even_finished_ones()
    {
        var tasks = new[]
        {
            Finished("finished", At(0), At(10)).DeletingAt(At(20)),
            Running("user-deleted", At(0)).DeletingAt(At(20)),
        };

        var plan = Planner().Plan(NewJob(), tasks, At(920));

        Assert.All(plan.Decisions, decision => Assert.Equal(TaskDeletionMode.Force, decision.Deletion));
        Assert.Equal(2, plan.Decisions.Length);
    }

    [Fact]
    public void A_Pod_already_force_deleted_is_not_forced_again_nor_waited_for()
    {
        var plan = Planner().Plan(NewJob(), [Running("t", At(0)).ForceDeletedAt(At(20))], At(100_000));

        Assert.False(plan.HasDecisions);
        Assert.Null(plan.WakeUp);
    }

    [Fact]
    public void Force_applies_while_a_kill_is_in_progress_without_a_second_delete()
    {
        var job = NewJob();
        job.Spec.KillTimestamp = At(0);

        var plan = Planner().Plan(job, [Running("stuck", At(0)).DeletingAt(At(30)), Running("fresh", At(0))], At(930));

        Assert.Equal(TaskDeletionMode.Force, plan.Single("stuck").Deletion);
        Assert.Equal(TaskDeletionMode.Graceful, plan.Single("fresh").Deletion);
    }

    [Fact]
    public void Force_of_a_killed_task_keeps_its_result_in_the_status_writer()
    {
        var existing = Tombstone.Killed.ToTaskRefStatus();

        var decision = Planner().Plan(NewJob(), [Running("t", At(0)).DeletingAt(At(0))], At(900)).Single("t");
        var written = decision.Tombstone!.Value.Apply(existing);

        Assert.Equal((TaskState.Terminated, (TaskResult?)TaskResult.Killed, "ForceDeleted"), (written.State, written.Result, written.Reason));
    }
}
