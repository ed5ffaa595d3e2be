using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.ForceDeletion;
using Microsoft.Extensions.Options;
using static Furiko.Sdk.Tests.Termination.TerminationFixtures;

namespace Furiko.Sdk.Tests.Termination.ForceDeletion;

public class ForceDeletionPolicyTests
{
    private static ForceDeletionPolicy Policy(long timeoutSeconds = 900) =>
        new(Options.Create(new TerminationOptions { ForceDeleteTaskTimeoutSeconds = timeoutSeconds }));

    [Theory]
    [InlineData(899, ForceDeletionVerdict.NotYet)]
    [InlineData(900, ForceDeletionVerdict.ForceNow)]
    [InlineData(901, ForceDeletionVerdict.ForceNow)]
    public void Force_is_due_at_deletion_timestamp_plus_timeout_inclusive(long secondsAfterDeletion, ForceDeletionVerdict expected)
    {
        var task = Running("t", At(0)).DeletingAt(At(100));

        var decision = Policy().Evaluate(NewJob(), task, At(100 + secondsAfterDeletion));

        Assert.Equal(expected, decision.Verdict);
        Assert.Equal(At(1000), decision.Deadline);
    }

    [Fact]
    public void A_timeout_of_zero_disables_force_deletion()
    {
        var decision = Policy(0).Evaluate(NewJob(), Running("t", At(0)).DeletingAt(At(0)), At(1_000_000));

        Assert.Equal(ForceDeletionVerdict.Disabled, decision.Verdict);
        Assert.Null(decision.Deadline);
    }

    [Fact]
    public void A_Job_that_forbids_force_deletion_is_never_forced()
    {
        var job = NewJob();
        job.Spec.Template!.ForbidTaskForceDeletion = true;

        var decision = Policy().Evaluate(job, Running("t", At(0)).DeletingAt(At(0)), At(1_000_000));

        Assert.Equal(ForceDeletionVerdict.Forbidden, decision.Verdict);
        Assert.False(decision.ForceNow);
    }

    [Fact]
    public void ForbidTaskForceDeletion_false_changes_nothing()
    {
        var job = NewJob();
        job.Spec.Template!.ForbidTaskForceDeletion = false;

        Assert.True(Policy().Evaluate(job, Running("t", At(0)).DeletingAt(At(0)), At(900)).ForceNow);
    }

    [Fact]
    public void A_task_not_being_deleted_has_nothing_to_force()
    {
        var decision = Policy().Evaluate(NewJob(), Running("t", At(0)), At(1_000_000));

        Assert.Equal(ForceDeletionVerdict.NotYet, decision.Verdict);
        Assert.Null(decision.Deadline);
    }

    [Fact]
    public void Negative_timeout_is_refused()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Policy(-1));

        Assert.Contains("ForceDeleteTaskTimeoutSeconds is -1", error.Message, StringComparison.Ordinal);
    }
}
