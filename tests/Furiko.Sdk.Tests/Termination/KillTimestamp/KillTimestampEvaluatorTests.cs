using Furiko.Sdk.Termination.KillTimestamp;
using static Furiko.Sdk.Tests.Termination.TerminationFixtures;

namespace Furiko.Sdk.Tests.Termination.KillTimestamp;

public class KillTimestampEvaluatorTests
{
    private readonly KillTimestampEvaluator _evaluator = new();

    [Fact]
    public void Without_kill_timestamp_no_kill_is_requested()
    {
        var decision = _evaluator.Evaluate(NewJob(), At(0));

        Assert.Equal(KillTimestampVerdict.NotRequested, decision.Verdict);
        Assert.Null(decision.KillAt);
    }

    [Theory]
    [InlineData(-1, KillTimestampVerdict.Due)]
    [InlineData(0, KillTimestampVerdict.Due)]
    [InlineData(1, KillTimestampVerdict.Scheduled)]
    [InlineData(3600, KillTimestampVerdict.Scheduled)]
    public void Kill_is_due_from_the_kill_timestamp_inclusive(long killSecondsAfterNow, KillTimestampVerdict expected)
    {
        var now = At(600);
        var job = NewJob();
        job.Spec.KillTimestamp = now + NodaTime.Duration.FromSeconds(killSecondsAfterNow);

        var decision = _evaluator.Evaluate(job, now);

        Assert.Equal(expected, decision.Verdict);
        Assert.Equal(job.Spec.KillTimestamp, decision.KillAt);
    }
}
