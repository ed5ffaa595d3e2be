using Furiko.Sdk.Models;
using Furiko.Sdk.Termination.ParallelCompletion;
using Furiko.Sdk.Termination.Triggers;
using static Furiko.Sdk.Tests.Termination.TerminationFixtures;

namespace Furiko.Sdk.Tests.Termination.ParallelCompletion;

public class ParallelCompletionTriggerTests
{
    private readonly ParallelCompletionTrigger _trigger = new();

    [Theory]
    [InlineData("AllSuccessful", true, false, TriggerVerdict.Due)]
    [InlineData("AllSuccessful", true, true, TriggerVerdict.NotDue)]
    [InlineData("", true, false, TriggerVerdict.Due)]
    [InlineData(null, true, false, TriggerVerdict.Due)]
    [InlineData("AnySuccessful", true, true, TriggerVerdict.Due)]
    [InlineData("AnySuccessful", true, false, TriggerVerdict.NotDue)]
    [InlineData("AllSuccessful", false, null, TriggerVerdict.NotDue)]
    [InlineData("AnySuccessful", false, null, TriggerVerdict.NotDue)]
    [InlineData("AllSuccessful", true, null, TriggerVerdict.NotDue)]
    [InlineData("SomeNewStrategy", true, true, TriggerVerdict.NotDue)]
    [InlineData("SomeNewStrategy", true, false, TriggerVerdict.NotDue)]
    public void Kills_only_when_the_strategy_decided_the_outcome(string? strategy, bool complete, bool? successful, TriggerVerdict expected)
    {
        var job = NewJob().Parallel(strategy is null ? (ParallelCompletionStrategy?)null : new ParallelCompletionStrategy(strategy), complete, successful);

        Assert.Equal(expected, _trigger.Evaluate(job, [], At(0)).Verdict);
    }

    [Fact]
    public void AnySuccessful_with_one_failed_index_does_not_kill()
    {
        // One index failed, the others still run: AnySuccessful is neither successful nor failed, so not complete.
        var job = NewJob().Parallel(ParallelCompletionStrategy.AnySuccessful, complete: false, successful: null);
        job.Status!.ParallelStatus!.Indexes =
        [
            new ParallelIndexStatus { Result = TaskResult.Failed, State = ParallelIndexState.Terminated },
            new ParallelIndexStatus { State = ParallelIndexState.Running },
        ];

        Assert.Equal(TriggerVerdict.NotDue, _trigger.Evaluate(job, [], At(0)).Verdict);
    }

    [Fact]
    public void A_Job_without_parallelism_never_kills_even_with_a_parallel_status()
    {
        var job = NewJob();
        job.Status!.ParallelStatus = new ParallelStatus { Complete = true, Successful = false };

        Assert.Equal(TriggerVerdict.NotDue, _trigger.Evaluate(job, [], At(0)).Verdict);
    }

    [Fact]
    public void A_parallel_Job_without_parallel_status_does_not_kill()
    {
        var job = NewJob();
        job.Spec.Template!.Parallelism = new ParallelismSpec { WithCount = 2 };

        Assert.Equal(TriggerVerdict.NotDue, _trigger.Evaluate(job, [], At(0)).Verdict);
    }
}
