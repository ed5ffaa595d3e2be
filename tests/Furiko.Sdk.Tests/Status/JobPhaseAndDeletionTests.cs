using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using static Furiko.Sdk.Tests.Status.StatusFixtures;

namespace Furiko.Sdk.Tests.Status;

public class JobPhaseAndDeletionTests
{
    [Theory]
    [InlineData("Success", "Succeeded")]
    [InlineData("Failed", "Failed")]
    [InlineData("Killed", "Killed")]
    [InlineData("AdmissionError", "AdmissionError")]
    [InlineData("FinalStateUnknown", "FinishedUnknown")]
    [InlineData("SomethingNew", "FinishedUnknown")]
    public void A_finished_condition_maps_its_result_to_a_terminal_phase(string result, string phase)
    {
        var condition = new JobCondition { Finished = new JobConditionFinished { Result = result } };

        var computed = JobPhaseCalculator.Compute(StartedJob(killTimestamp: At(0)), condition, [], null, At(10));

        Assert.Equal(new JobPhase(phase), computed);
        Assert.True(computed.IsTerminal);
    }

    [Fact]
    public void A_passed_kill_time_is_killing_even_for_a_queued_job()
    {
        var condition = new JobCondition { Queueing = new JobConditionQueueing() };

        Assert.Equal(JobPhase.Killing, JobPhaseCalculator.Compute(StartedJob(killTimestamp: At(10)), condition, [], null, At(10)));
        Assert.Equal(JobPhase.Queued, JobPhaseCalculator.Compute(StartedJob(killTimestamp: At(11)), condition, [], null, At(10)));
    }

    [Fact]
    public void Running_with_terminating_tasks_is_terminating()
    {
        var terminating = new JobCondition { Running = new JobConditionRunning { TerminatingTasks = 1 } };
        var running = new JobCondition { Running = new JobConditionRunning() };

        Assert.Equal(JobPhase.Terminating, JobPhaseCalculator.Compute(StartedJob(), terminating, [], null, At(0)));
        Assert.Equal(JobPhase.Running, JobPhaseCalculator.Compute(StartedJob(), running, [], null, At(0)));
    }

    [Fact]
    public void Waiting_phases_of_a_single_task_job()
    {
        var waiting = new JobCondition { Waiting = new JobConditionWaiting() };
        var first = TaskRefMerger.ToTaskRef(Pending("a", At(0)));
        var failed = TaskRefMerger.ToTaskRef(Finished("a", At(0), At(1), At(2), TaskResult.Failed));
        var retry = TaskRefMerger.ToTaskRef(Pending("b", At(3), retry: 1));

        Assert.Equal(JobPhase.Starting, JobPhaseCalculator.Compute(StartedJob(), waiting, [], null, At(5)));
        Assert.Equal(JobPhase.Pending, JobPhaseCalculator.Compute(StartedJob(), waiting, [first], null, At(5)));
        Assert.Equal(JobPhase.RetryBackoff, JobPhaseCalculator.Compute(StartedJob(), waiting, [failed], null, At(5)));
        Assert.Equal(JobPhase.Retrying, JobPhaseCalculator.Compute(StartedJob(), waiting, [failed, retry], null, At(5)));
    }

    [Fact]
    public void Waiting_phases_of_a_parallel_job_follow_its_indexes()
    {
        var waiting = new JobCondition { Waiting = new JobConditionWaiting() };
        var tasks = new[] { TaskRefMerger.ToTaskRef(Pending("a", At(0))) };
        ParallelStatus Indexes(params (string State, long Created)[] indexes) =>
            new() { Indexes = indexes.Select(i => new ParallelIndexStatus { State = i.State, CreatedTasks = i.Created }).ToList() };

        Assert.Equal(JobPhase.RetryBackoff, JobPhaseCalculator.Compute(StartedJob(), waiting, tasks, Indexes(("Starting", 2), ("RetryBackoff", 1)), At(5)));
        Assert.Equal(JobPhase.Retrying, JobPhaseCalculator.Compute(StartedJob(), waiting, tasks, Indexes(("Starting", 2), ("Running", 1)), At(5)));
        Assert.Equal(JobPhase.Pending, JobPhaseCalculator.Compute(StartedJob(), waiting, tasks, Indexes(("Starting", 1), ("NotCreated", 0)), At(5)));
    }

    [Fact]
    public void Deleting_a_running_job_finishes_it_killed_at_its_latest_creation()
    {
        var job = StartedJob();
        job.Metadata.DeletionTimestamp = At(50).ToDateTimeUtc();
        var running = new JobCondition { Running = new JobConditionRunning { LatestTaskCreationTimestamp = At(3), LatestRunningTimestamp = At(4) } };

        var finished = JobDeletionOverride.Apply(job, running, At(60)).Finished!;

        Assert.Equal(JobResult.Killed, finished.Result);
        Assert.Equal(At(3), finished.LatestCreationTimestamp);
        Assert.Equal(At(3), finished.FinishTime);
        Assert.Equal(At(4), finished.LatestRunningTimestamp);
    }

    [Fact]
    public void Deleting_a_waiting_job_finishes_it_killed_now()
    {
        var job = StartedJob();
        job.Metadata.DeletionTimestamp = At(50).ToDateTimeUtc();
        var waiting = new JobCondition { Waiting = new JobConditionWaiting { Reason = "PendingCreation" } };

        var finished = JobDeletionOverride.Apply(job, waiting, At(60)).Finished!;

        Assert.Equal(At(60), finished.FinishTime);
        Assert.Equal(At(60), finished.LatestCreationTimestamp);
    }

    [Fact]
    public void A_finished_or_undeleted_job_is_left_alone()
    {
        var finished = new JobCondition { Finished = new JobConditionFinished { Result = JobResult.Success } };
        var deleting = StartedJob();
        deleting.Metadata.DeletionTimestamp = At(50).ToDateTimeUtc();
        var running = new JobCondition { Running = new JobConditionRunning() };

        Assert.Same(finished, JobDeletionOverride.Apply(deleting, finished, At(60)));
        Assert.Same(running, JobDeletionOverride.Apply(StartedJob(), running, At(60)));
    }

    [Fact]
    public void A_deleted_running_job_reports_state_finished_with_phase_killed()
    {
        // FURIKO-SEMANTICS 7.5: Furiko leaves the state at Running next to phase Killed.
        var job = StartedJob();
        job.Metadata.DeletionTimestamp = At(50).ToDateTimeUtc();

        var status = JobStatusDeriver.Derive(job, [Running("t", At(0), At(1))], At(60));

        Assert.Equal(JobPhase.Killed, status.Phase);
        Assert.Equal(JobState.Finished, status.State);
    }
}
