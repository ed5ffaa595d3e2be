using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using static Furiko.Sdk.Tests.Status.StatusFixtures;

namespace Furiko.Sdk.Tests.Status;

public class ParallelStatusCalculatorTests
{
    private static ParallelSummary Compute(Job job, params ObservedTask[] live) =>
        ParallelStatusCalculator.Compute(job, TaskRefMerger.Merge(job.Status?.Tasks, live, At(1000)));

    [Fact]
    public void A_job_without_parallelism_has_the_single_default_index()
    {
        var summary = Compute(StartedJob(), Running("t", At(0), At(1)));

        var index = Assert.Single(summary.Status.Indexes);
        Assert.Equal(0, index.Index.IndexNumber);
        Assert.Equal(ParallelIndexHash.Compute(Number(0)), index.Hash);
        Assert.Equal(ParallelIndexState.Running, index.State);
        Assert.Equal(1, index.CreatedTasks);
        Assert.False(summary.Status.Complete);
        Assert.Null(summary.Status.Successful);
    }

    [Fact]
    public void Index_states_follow_their_tasks()
    {
        var job = StartedJob(parallelism: new ParallelismSpec { WithCount = 4 }, maxAttempts: 2);

        var summary = Compute(
            job,
            Pending("a", At(0), Number(0)),
            Running("b", At(0), At(1), Number(1)),
            Finished("c", At(0), At(1), At(2), TaskResult.Failed, Number(2)));

        Assert.Equal(
            [ParallelIndexState.Starting, ParallelIndexState.Running, ParallelIndexState.RetryBackoff, ParallelIndexState.NotCreated],
            summary.Status.Indexes.Select(i => i.State));
        Assert.Equal(new ParallelIndexCounters(Created: 3, Starting: 1, Running: 1, RetryBackoff: 1, Terminated: 2, Succeeded: 0, Failed: 0), summary.Counters);
    }

    [Fact]
    public void An_index_fails_once_its_terminal_tasks_reach_max_attempts()
    {
        var job = StartedJob(parallelism: new ParallelismSpec { WithCount = 1 }, maxAttempts: 2);

        var summary = Compute(
            job,
            Finished("a0", At(0), At(1), At(2), TaskResult.Failed, Number(0), retry: 0),
            Finished("a1", At(3), At(4), At(5), TaskResult.Failed, Number(0), retry: 1));

        var index = Assert.Single(summary.Status.Indexes);
        Assert.Equal(ParallelIndexState.Terminated, index.State);
        Assert.Equal(TaskResult.Failed, index.Result);
        Assert.True(summary.Status.Complete);
        Assert.False(summary.Status.Successful);
    }

    [Fact]
    public void A_killed_task_counts_as_a_failed_attempt()
    {
        var job = StartedJob();
        var killed = Finished("t", At(0), At(1), At(2), TaskResult.Killed);

        var summary = Compute(job, killed);

        Assert.Equal(TaskResult.Failed, summary.Status.Indexes[0].Result);
        Assert.Equal(1, summary.Counters.Failed);
    }

    [Fact]
    public void All_successful_completes_unsuccessfully_as_soon_as_one_index_fails()
    {
        var job = StartedJob(parallelism: new ParallelismSpec { WithCount = 3 });

        var summary = Compute(
            job,
            Finished("a", At(0), At(1), At(2), TaskResult.Failed, Number(0)),
            Running("b", At(0), At(1), Number(1)),
            Finished("c", At(0), At(1), At(2), TaskResult.Succeeded, Number(2)));

        Assert.True(summary.Status.Complete);
        Assert.False(summary.Status.Successful);
    }

    [Fact]
    public void All_successful_succeeds_only_when_every_index_succeeded()
    {
        var job = StartedJob(parallelism: new ParallelismSpec { WithKeys = ["x", "y"] });

        var one = Compute(job, Finished("a", At(0), At(1), At(2), TaskResult.Succeeded, Key("x")), Running("b", At(0), At(1), Key("y")));
        var both = Compute(job, Finished("a", At(0), At(1), At(2), TaskResult.Succeeded, Key("x")), Finished("b", At(0), At(1), At(3), TaskResult.Succeeded, Key("y")));

        Assert.False(one.Status.Complete);
        Assert.True(both.Status.Complete);
        Assert.True(both.Status.Successful);
    }

    [Fact]
    public void Any_successful_completes_successfully_on_the_first_success()
    {
        var job = StartedJob(parallelism: new ParallelismSpec { WithCount = 3, CompletionStrategy = ParallelCompletionStrategy.AnySuccessful });

        var summary = Compute(
            job,
            Running("a", At(0), At(1), Number(0)),
            Finished("b", At(0), At(1), At(2), TaskResult.Succeeded, Number(1)),
            Running("c", At(0), At(1), Number(2)));

        Assert.True(summary.Status.Complete);
        Assert.True(summary.Status.Successful);
    }

    [Fact]
    public void Any_successful_with_one_failure_is_not_complete()
    {
        var job = StartedJob(parallelism: new ParallelismSpec { WithCount = 2, CompletionStrategy = ParallelCompletionStrategy.AnySuccessful });

        var summary = Compute(job, Finished("a", At(0), At(1), At(2), TaskResult.Failed, Number(0)), Running("b", At(0), At(1), Number(1)));

        Assert.False(summary.Status.Complete);
        Assert.Null(summary.Status.Successful);
    }

    [Fact]
    public void Any_successful_fails_when_every_index_failed()
    {
        var job = StartedJob(parallelism: new ParallelismSpec { WithCount = 2, CompletionStrategy = ParallelCompletionStrategy.AnySuccessful });

        var summary = Compute(job, Finished("a", At(0), At(1), At(2), TaskResult.Failed, Number(0)), Finished("b", At(0), At(1), At(2), TaskResult.Failed, Number(1)));

        Assert.True(summary.Status.Complete);
        Assert.False(summary.Status.Successful);
    }

    [Fact]
    public void An_unknown_strategy_never_completes()
    {
        var job = StartedJob(parallelism: new ParallelismSpec { WithCount = 1, CompletionStrategy = "FirstToFinish" });

        var summary = Compute(job, Finished("a", At(0), At(1), At(2), TaskResult.Succeeded, Number(0)));

        Assert.False(summary.Status.Complete);
    }

    [Fact]
    public void Tasks_are_grouped_by_index_value_even_when_hashes_collide()
    {
        // Indexes 58 and 69 share the hash ge3dqm (FURIKO-SEMANTICS 7.10).
        var job = StartedJob(parallelism: new ParallelismSpec { WithCount = 70 });

        var summary = Compute(
            job,
            Running("my-job-ge3dqm-0", At(0), At(1), Number(58)),
            Pending("my-job-ge3dqm-0b", At(0), Number(69)));

        Assert.Equal(ParallelIndexState.Running, summary.Status.Indexes[58].State);
        Assert.Equal(1, summary.Status.Indexes[58].CreatedTasks);
        Assert.Equal(ParallelIndexState.Starting, summary.Status.Indexes[69].State);
        Assert.Equal(1, summary.Status.Indexes[69].CreatedTasks);
    }

    [Fact]
    public void A_ref_without_an_index_is_placed_by_the_hash_in_its_name()
    {
        var job = StartedJob(parallelism: new ParallelismSpec { WithCount = 3 });
        var hashOf2 = ParallelIndexHash.Compute(Number(2));

        var summary = Compute(job, Running($"my-job-{hashOf2}-0", At(0), At(1), index: null));

        Assert.Equal(ParallelIndexState.Running, summary.Status.Indexes[2].State);
        Assert.Equal(ParallelIndexState.NotCreated, summary.Status.Indexes[0].State);
    }
}
