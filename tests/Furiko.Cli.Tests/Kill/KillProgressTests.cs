using Furiko.Cli.Kill;
using Furiko.Sdk.Models;
using Furiko.Sdk.Termination;

namespace Furiko.Cli.Tests.Kill;

public class KillProgressTests
{
    [Fact]
    public void A_task_without_a_tombstone_is_not_deleted_yet()
    {
        Assert.Equal(TaskKillStage.NotYetDeleted, TaskKillProgress.Of(TestJobs.RunningTask("t")).Stage);
    }

    [Fact]
    public void A_task_with_a_kill_tombstone_is_deleting_gracefully()
    {
        var task = TestJobs.RunningTask("t");
        task.DeletedStatus = new TaskRefStatus { State = TaskState.Terminated, Result = TaskResult.Killed };

        Assert.Equal(TaskKillStage.DeletingGracefully, TaskKillProgress.Of(task).Stage);
    }

    [Fact]
    public void A_killing_task_is_deleting_gracefully_even_without_a_tombstone()
    {
        var task = TestJobs.RunningTask("t");
        task.Status.State = TaskState.Killing;

        Assert.Equal(TaskKillStage.DeletingGracefully, TaskKillProgress.Of(task).Stage);
    }

    [Fact]
    public void A_task_whose_tombstone_says_ForceDeleted_is_force_deleted()
    {
        var task = TestJobs.RunningTask("t");
        task.DeletedStatus = new TaskRefStatus { State = TaskState.Terminated, Result = TaskResult.Killed, Reason = TombstoneReasons.ForceDeleted };

        Assert.Equal(TaskKillStage.ForceDeleted, TaskKillProgress.Of(task).Stage);
    }

    [Theory]
    [InlineData("Terminated")]
    [InlineData("DeletedFinalStateUnknown")]
    public void A_task_in_a_final_state_is_finished(string state)
    {
        var task = TestJobs.RunningTask("t");
        task.Status = new TaskRefStatus { State = new TaskState(state), Result = TaskResult.Killed, Reason = TombstoneReasons.ForceDeleted };

        var progress = TaskKillProgress.Of(task);

        Assert.Equal(TaskKillStage.Finished, progress.Stage);
        Assert.Equal("task t: finished, result Killed (force-deleted)", progress.Describe());
    }

    [Fact]
    public void The_summary_counts_each_stage()
    {
        var job = TestJobs.Running("job", tasks: 3);
        job.Status!.Phase = JobPhase.Killing;
        job.Status.Tasks![0].DeletedStatus = new TaskRefStatus { State = TaskState.Terminated, Result = TaskResult.Killed };
        job.Status.Tasks[1].FinishTimestamp = CliHarness.Start;

        Assert.Equal(
            "phase Killing: 2 of 3 task(s) still terminating: 1 deleting gracefully, 0 force-deleted, 1 not deleted yet",
            KillProgress.Of(job).Summary());
    }

    [Fact]
    public void A_job_without_status_has_no_phase_and_no_tasks()
    {
        Assert.Equal("phase <none>: 0 of 0 task(s) still terminating: 0 deleting gracefully, 0 force-deleted, 0 not deleted yet", KillProgress.Of(TestJobs.New("job")).Summary());
    }
}
