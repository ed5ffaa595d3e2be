using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.Deletion;
using Furiko.Sdk.Termination.Planning;
using NodaTime.Testing;
using static Furiko.Sdk.Tests.Termination.TerminationFixtures;

namespace Furiko.Sdk.Tests.Termination.Planning;

/// <summary>FURIKO-SEMANTICS 5.4 with 7.3 (force deletion on a deleted Job) and 7.9 (no second graceful delete).</summary>
public class TerminationPlannerJobDeletionTests
{
    [Fact]
    public void Deleting_Job_deletes_every_task_gracefully_with_a_JobDeleted_tombstone_if_unset()
    {
        var running = Running("running", At(0));
        var finished = Finished("finished", At(0), At(10));
        var job = NewJob().WithTaskRefs(running, finished).Deleting(At(500));

        var plan = Planner().Plan(job, [running, finished], At(500));

        Assert.Equal(["running", "finished"], plan.Decisions.Select(decision => decision.Task.Name));
        Assert.All(plan.Decisions, decision =>
        {
            Assert.Equal(TaskDeletionMode.Graceful, decision.Deletion);
            Assert.Equal(new TombstoneWrite(decision.Task.Name, Tombstone.JobDeleted, TombstoneWriteMode.IfUnset), decision.Tombstone);
            Assert.Equal(new TerminationCause(TerminationRule.JobDeletion, At(500), At(500)), decision.Cause);
        });
        Assert.Equal("JobDeleted", Tombstone.JobDeleted.Reason);
        Assert.Equal("Task was killed in response to deletion of Job", Tombstone.JobDeleted.Message);
        Assert.False(plan.CanRemoveFinalizer);
        Assert.False(plan.CanCreateTasks);
    }

    [Fact]
    public void An_existing_tombstone_is_kept()
    {
        var task = Running("t", At(0));
        var job = NewJob().WithTaskRefs(task).Deleting(At(500));
        job.Status!.Tasks![0].DeletedStatus = Tombstone.Killed.ToTaskRefStatus();

        var decision = Planner().Plan(job, [task], At(500)).Single("t");

        Assert.Null(decision.Tombstone);
        Assert.Equal(TaskDeletionMode.Graceful, decision.Deletion);
    }

    [Fact]
    public void A_task_already_deleting_gets_its_tombstone_but_no_second_graceful_delete()
    {
        var task = Running("t", At(0)).DeletingAt(At(530));
        var job = NewJob().WithTaskRefs(task).Deleting(At(500));

        var decision = Planner().Plan(job, [task], At(520)).Single("t");

        Assert.Null(decision.Deletion);
        Assert.Equal(TombstoneWriteMode.IfUnset, decision.Tombstone!.Value.Mode);
    }

    [Fact]
    public void Pending_timeout_and_kill_do_not_run_for_a_Job_being_deleted()
    {
        var pending = Pending("pending", At(0));
        var job = NewJob().WithTaskRefs(pending).Deleting(At(100));
        job.Spec.KillTimestamp = At(50);

        var plan = Planner().Plan(job, [pending], At(10_000));

        Assert.Equal(TerminationRule.JobDeletion, plan.Single("pending").Cause.Rule);
        Assert.Null(plan.KillCause);
    }

    [Fact]
    public void The_finalizer_can_go_once_no_task_is_left()
    {
        var job = NewJob().Deleting(At(100));

        var plan = Planner().Plan(job, [], At(100));

        Assert.True(plan.CanRemoveFinalizer);
        Assert.False(plan.HasDecisions);
    }

    [Fact]
    public void Without_the_finalizer_nothing_is_deleted_gracefully_and_there_is_no_finalizer_to_remove()
    {
        var task = Running("t", At(0));
        var job = NewJob().Deleting(At(100));
        job.Metadata.Finalizers = null;

        var plan = Planner().Plan(job, [task], At(100));

        Assert.False(plan.HasDecisions);
        Assert.False(Planner().Plan(job, [], At(100)).CanRemoveFinalizer);
    }

    [Fact]
    public void A_task_stuck_on_a_dead_node_is_forced_after_the_timeout_and_then_the_finalizer_can_go()
    {
        var clock = new FakeClock(At(1000));
        var planner = Planner();
        var stuck = Running("stuck", At(0)) with { NodeName = "dead-node" };
        var job = NewJob().WithTaskRefs(stuck).Deleting(clock.GetCurrentInstant());

        // Pass 1: the Job is deleted, the task gets its tombstone and a graceful delete.
        var first = planner.Plan(job, [stuck], clock.GetCurrentInstant());
        Assert.Equal(TaskDeletionMode.Graceful, first.Single("stuck").Deletion);
        job.Status!.Tasks![0].DeletedStatus = first.Single("stuck").Tombstone!.Value.Apply(null);

        // The dead node never confirms: the Pod stays Terminating with deletionTimestamp = now + 30 s.
        IReadOnlyList<ObservedTask> live = [stuck.DeletingAt(clock.GetCurrentInstant() + NodaTime.Duration.FromSeconds(30))];
        var second = planner.Plan(job, live, clock.GetCurrentInstant());
        Assert.False(second.HasDecisions);
        Assert.Equal(At(1000 + 30 + 900), second.WakeUp!.Value.At);

        // 1 s before the deadline nothing changes; at the deadline it is forced.
        clock.AdvanceSeconds(929);
        Assert.False(planner.Plan(job, live, clock.GetCurrentInstant()).HasDecisions);
        clock.AdvanceSeconds(1);
        var forced = planner.Plan(job, live, clock.GetCurrentInstant()).Single("stuck");
        Assert.Equal(TaskDeletionMode.Force, forced.Deletion);
        Assert.Equal(
            (TaskState.Terminated, (TaskResult?)TaskResult.Killed, "ForceDeleted", "Forcefully deleted the task, container may still be running"),
            Summary(forced.Tombstone!.Value.Apply(job.Status.Tasks[0].DeletedStatus)));

        // Once the Pod is gone the finalizer can be removed.
        Assert.True(planner.Plan(job, [], clock.GetCurrentInstant()).CanRemoveFinalizer);
    }

    [Fact]
    public void A_forced_task_whose_tombstone_is_unset_gets_one_decision_that_yields_the_force_tombstone()
    {
        var task = Running("t", At(0)).DeletingAt(At(100));
        var job = NewJob().WithTaskRefs(task).Deleting(At(50));

        var plan = Planner().Plan(job, [task], At(1000));

        var decision = plan.Single("t");
        Assert.Equal(TaskDeletionMode.Force, decision.Deletion);
        Assert.Equal(TombstoneWriteMode.ForceUpdate, decision.Tombstone!.Value.Mode);
        Assert.Equal(
            (TaskState.Terminated, (TaskResult?)TaskResult.Killed, "ForceDeleted", "Forcefully deleted the task, container may still be running"),
            Summary(decision.Tombstone!.Value.Apply(null)));
    }

    [Fact]
    public void Forbidden_force_deletion_holds_the_finalizer()
    {
        var task = Running("t", At(0)).DeletingAt(At(100));
        var job = NewJob().WithTaskRefs(task).Deleting(At(50));
        job.Spec.Template!.ForbidTaskForceDeletion = true;
        job.Status!.Tasks![0].DeletedStatus = Tombstone.JobDeleted.ToTaskRefStatus();

        var plan = Planner().Plan(job, [task], At(1_000_000));

        Assert.False(plan.HasDecisions);
        Assert.False(plan.CanRemoveFinalizer);
        Assert.Null(plan.WakeUp);
    }

    private static (TaskState, TaskResult?, string?, string?) Summary(TaskRefStatus status) => (status.State, status.Result, status.Reason, status.Message);
}
