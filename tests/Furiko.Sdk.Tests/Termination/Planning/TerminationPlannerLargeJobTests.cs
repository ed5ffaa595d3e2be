using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.Deletion;
using Furiko.Sdk.Termination.Planning;
using static Furiko.Sdk.Tests.Termination.TerminationFixtures;

namespace Furiko.Sdk.Tests.Termination.Planning;

/// <summary>
/// Jobs with more tasks than the planner finds by scanning its decisions (it switches to an index by name, so a
/// kill of a large Job stays linear): the rules of FURIKO-SEMANTICS 7.2 and 5.3 hold past that point too.
/// </summary>
public class TerminationPlannerLargeJobTests
{
    private static ObservedTask[] RunningTasks(int count) =>
        Enumerable.Range(0, count).Select(i => Running($"task-{i:D3}", At(i))).ToArray();

    [Fact]
    public void A_kill_of_many_tasks_decides_each_task_once_in_task_order()
    {
        var job = NewJob();
        job.Spec.KillTimestamp = At(3000);
        var tasks = RunningTasks(200);

        var plan = Planner().Plan(job, tasks, At(3000));

        Assert.Equal(tasks.Select(task => task.Name), plan.Decisions.Select(decision => decision.Task.Name));
        Assert.All(plan.Decisions, decision => Assert.Equal(TaskDeletionMode.Graceful, decision.Deletion));
    }

    [Fact]
    public void A_pending_timeout_among_many_tasks_keeps_its_reason_when_the_kill_comes_after_it()
    {
        var job = NewJob();
        job.Spec.KillTimestamp = At(3000);
        var tasks = RunningTasks(40);
        tasks[30] = Pending("task-030", At(0));

        var plan = Planner(pendingSeconds: 900).Plan(job, tasks, At(3000));

        Assert.Equal(40, plan.Decisions.Length);
        var pending = plan.Single("task-030");
        Assert.Equal(TerminationRule.PendingTimeout, pending.Cause.Rule);
        Assert.Equal(TombstoneReasons.PendingTimeout, pending.Tombstone!.Value.Tombstone.Reason);
        Assert.Equal(TerminationRule.KillTimestamp, plan.Single("task-031").Cause.Rule);
    }

    [Fact]
    public void A_pod_listed_twice_among_many_tasks_is_killed_once()
    {
        var job = NewJob();
        job.Spec.KillTimestamp = At(3000);
        var tasks = RunningTasks(30).Append(Running("task-025", At(25))).ToArray();

        var plan = Planner().Plan(job, tasks, At(3000));

        Assert.Equal(30, plan.Decisions.Length);
        Assert.Single(plan.Decisions, decision => decision.Task.Name == "task-025");
    }

    [Fact]
    public void A_deleted_Job_with_many_stuck_tasks_gets_one_force_decision_per_task()
    {
        var tasks = Enumerable.Range(0, 30)
            .Select(i => Running($"task-{i:D3}", At(0)).DeletingAt(At(100)))
            .ToArray();
        var job = NewJob().Deleting(At(50));

        var plan = Planner(forceSeconds: 900).Plan(job, tasks, At(1000));

        Assert.Equal(tasks.Select(task => task.Name), plan.Decisions.Select(decision => decision.Task.Name));
        Assert.All(plan.Decisions, decision =>
        {
            Assert.Equal(TaskDeletionMode.Force, decision.Deletion);
            Assert.Equal(TombstoneWriteMode.ForceUpdate, decision.Tombstone!.Value.Mode);
        });
    }
}
