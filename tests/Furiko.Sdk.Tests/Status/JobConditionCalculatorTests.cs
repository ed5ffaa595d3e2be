using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using NodaTime;
using static Furiko.Sdk.Tests.Status.StatusFixtures;

namespace Furiko.Sdk.Tests.Status;

public class JobConditionCalculatorTests
{
    private static JobCondition Compute(Job job, Instant now, params ObservedTask[] live)
    {
        var refs = TaskRefMerger.Merge(job.Status?.Tasks, live, now);
        return JobConditionCalculator.Compute(job, refs, ParallelStatusCalculator.Compute(job, refs), now);
    }

    [Fact]
    public void An_admission_error_finishes_the_job_with_its_message()
    {
        var job = StartedJob();
        job.Metadata.Annotations = new Dictionary<string, string> { [FurikoAnnotations.AdmissionError] = "pods \"x\" is invalid" };

        var finished = Compute(job, At(50)).Finished!;

        Assert.Equal(JobResult.AdmissionError, finished.Result);
        Assert.Equal("AdmissionError", finished.Reason);
        Assert.Equal("pods \"x\" is invalid", finished.Message);
        Assert.Equal(At(50), finished.FinishTime);
    }

    [Fact]
    public void An_admission_error_keeps_the_first_finish_time()
    {
        var job = StartedJob();
        job.Metadata.Annotations = new Dictionary<string, string> { [FurikoAnnotations.AdmissionError] = "bad" };
        job.Status!.Condition = new JobCondition { Finished = new JobConditionFinished { FinishTime = At(10), Result = JobResult.AdmissionError } };

        Assert.Equal(At(10), Compute(job, At(50)).Finished!.FinishTime);
    }

    [Fact]
    public void A_job_not_yet_due_says_when_it_may_start_in_go_layout()
    {
        var job = StartedJob();
        job.Status!.StartTime = null;
        job.Spec.StartPolicy = new StartPolicySpec { ConcurrencyPolicy = ConcurrencyPolicy.Forbid, StartAfter = Instant.FromUtc(2021, 2, 9, 4, 6, 9) };

        var queueing = Compute(job, At(0)).Queueing!;

        Assert.Equal("NotYetDue", queueing.Reason);
        Assert.Equal("Job is queued to start no earlier than 2021-02-09 04:06:09 +0000 UTC", queueing.Message);
    }

    [Fact]
    public void An_enqueued_job_says_it_waits_for_other_jobs()
    {
        var job = StartedJob();
        job.Status!.StartTime = null;
        job.Spec.StartPolicy = new StartPolicySpec { ConcurrencyPolicy = ConcurrencyPolicy.Enqueue };

        var queueing = Compute(job, At(0)).Queueing!;

        Assert.Equal("Queued", queueing.Reason);
        Assert.Equal("Job is queued and may be pending other concurrent jobs to be finished", queueing.Message);
    }

    [Fact]
    public void A_queued_job_without_start_policy_has_an_empty_queueing_condition()
    {
        var job = StartedJob();
        job.Status!.StartTime = null;

        var queueing = Compute(job, At(0)).Queueing!;

        Assert.Null(queueing.Reason);
        Assert.Null(queueing.Message);
    }

    [Fact]
    public void A_passed_kill_time_waits_for_the_indexes_still_alive()
    {
        var job = StartedJob(parallelism: new ParallelismSpec { WithCount = 3 }, killTimestamp: At(100));

        var waiting = Compute(
            job,
            At(100),
            Killing("a", At(0), At(1), At(130), Number(0)),
            Finished("b", At(0), At(1), At(101), TaskResult.Killed, Number(1)),
            Running("c", At(0), At(1), Number(2))).Waiting!;

        Assert.Equal("DeletingTasks", waiting.Reason);
        Assert.Equal("Waiting for 2 out of 3 task(s) to be deleted", waiting.Message);
    }

    [Fact]
    public void A_kill_time_one_second_in_the_future_does_not_count_as_passed()
    {
        var job = StartedJob(killTimestamp: At(101));

        var condition = Compute(job, At(100), Running("t", At(0), At(1)));

        Assert.NotNull(condition.Running);
    }

    [Fact]
    public void A_killed_job_finishes_at_its_latest_task_finish()
    {
        var job = StartedJob(killTimestamp: At(100));

        var finished = Compute(job, At(200), Finished("t", At(0), At(5), At(130), TaskResult.Killed)).Finished!;

        Assert.Equal(JobResult.Killed, finished.Result);
        Assert.Equal(At(130), finished.FinishTime);
        Assert.Equal(At(0), finished.LatestCreationTimestamp);
        Assert.Equal(At(5), finished.LatestRunningTimestamp);
    }

    [Fact]
    public void A_kill_with_no_task_ever_created_finishes_at_the_kill_time()
    {
        var job = StartedJob(killTimestamp: At(100));

        var finished = Compute(job, At(200)).Finished!;

        Assert.Equal(JobResult.Killed, finished.Result);
        Assert.Equal(At(100), finished.FinishTime);
        Assert.Null(finished.LatestCreationTimestamp);
        Assert.Null(finished.LatestRunningTimestamp);
    }

    [Fact]
    public void Missing_tasks_are_pending_creation()
    {
        var job = StartedJob(parallelism: new ParallelismSpec { WithCount = 3 });

        var waiting = Compute(job, At(10), Running("a", At(0), At(1), Number(0))).Waiting!;

        Assert.Equal("PendingCreation", waiting.Reason);
        Assert.Equal("Waiting for 2 out of 3 task(s) to be created", waiting.Message);
    }

    [Fact]
    public void A_failed_task_with_attempts_left_is_in_retry_backoff()
    {
        var job = StartedJob(maxAttempts: 3);

        var waiting = Compute(job, At(10), Finished("t", At(0), At(1), At(2), TaskResult.Failed)).Waiting!;

        Assert.Equal("RetryBackoff", waiting.Reason);
        Assert.Equal("Waiting to retry creating 1 task(s)", waiting.Message);
    }

    [Fact]
    public void Tasks_not_running_yet_are_waited_for()
    {
        var job = StartedJob(parallelism: new ParallelismSpec { WithCount = 2 });

        var waiting = Compute(job, At(10), Pending("a", At(0), Number(0)), Running("b", At(0), At(1), Number(1))).Waiting!;

        Assert.Equal("WaitingForTasks", waiting.Reason);
        Assert.Equal("Waiting for 1 task(s) to start running", waiting.Message);
    }

    [Fact]
    public void All_tasks_running_means_running_with_the_latest_times()
    {
        var job = StartedJob(parallelism: new ParallelismSpec { WithCount = 2 });

        var running = Compute(job, At(10), Running("a", At(0), At(4), Number(0)), Running("b", At(2), At(3), Number(1))).Running!;

        Assert.Equal(At(2), running.LatestTaskCreationTimestamp);
        Assert.Equal(At(4), running.LatestRunningTimestamp);
        Assert.Null(running.TerminatingTasks);
    }

    [Fact]
    public void A_complete_job_with_tasks_still_alive_is_running_with_terminating_tasks()
    {
        var job = StartedJob(parallelism: new ParallelismSpec { WithCount = 3, CompletionStrategy = ParallelCompletionStrategy.AnySuccessful });

        var running = Compute(
            job,
            At(10),
            Finished("a", At(0), At(1), At(2), TaskResult.Succeeded, Number(0)),
            Running("b", At(0), At(1), Number(1)),
            Running("c", At(0), At(1), Number(2))).Running!;

        Assert.Equal(2, running.TerminatingTasks);
    }

    [Theory]
    [InlineData("Succeeded", "Success")]
    [InlineData("Failed", "Failed")]
    public void A_finished_job_takes_its_result_from_the_summary(string taskResult, string jobResult)
    {
        var finished = Compute(StartedJob(), At(10), Finished("t", At(0), At(1), At(7), taskResult)).Finished!;

        Assert.Equal(new JobResult(jobResult), finished.Result);
        Assert.Equal(At(7), finished.FinishTime);
    }

    [Fact]
    public void A_future_kill_time_still_makes_a_finished_job_killed()
    {
        var job = StartedJob(killTimestamp: At(1000));

        var finished = Compute(job, At(10), Finished("t", At(0), At(1), At(7), TaskResult.Succeeded)).Finished!;

        Assert.Equal(JobResult.Killed, finished.Result);
    }
}
