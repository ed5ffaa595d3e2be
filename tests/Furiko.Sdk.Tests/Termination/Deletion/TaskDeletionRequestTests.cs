using Furiko.Sdk.Termination.Deletion;

namespace Furiko.Sdk.Tests.Termination.Deletion;

public class TaskDeletionRequestTests
{
    [Fact]
    public void Force_sends_grace_period_zero_and_graceful_sends_none_unless_asked()
    {
        Assert.Equal(0, new TaskDeletionRequest("ns", "pod", "uid", TaskDeletionMode.Force).EffectiveGracePeriodSeconds);
        Assert.Null(new TaskDeletionRequest("ns", "pod", "uid", TaskDeletionMode.Graceful).EffectiveGracePeriodSeconds);
        Assert.Equal(5, new TaskDeletionRequest("ns", "pod", "uid", TaskDeletionMode.Graceful, 5).EffectiveGracePeriodSeconds);
    }

    [Fact]
    public void A_request_without_uid_is_refused_with_the_pod_named()
    {
        var error = Assert.Throws<ArgumentException>(() => new TaskDeletionRequest("ns", "pod", "", TaskDeletionMode.Graceful));

        Assert.Contains("ns/pod", error.Message, StringComparison.Ordinal);
        Assert.Equal("podUid", error.ParamName);
    }

    [Theory]
    [InlineData(TaskDeletionMode.Graceful, -1L)]
    [InlineData(TaskDeletionMode.Force, 30L)]
    public void A_grace_period_that_does_not_fit_the_mode_is_refused(TaskDeletionMode mode, long grace)
    {
        Assert.Throws<ArgumentException>(() => new TaskDeletionRequest("ns", "pod", "uid", mode, grace));
    }

    [Fact]
    public void Outcomes_say_whether_the_goal_was_reached()
    {
        Assert.True(TaskDeletionOutcome.Deleted.Succeeded);
        Assert.True(TaskDeletionOutcome.AlreadyGone.Succeeded);
        Assert.False(TaskDeletionOutcome.Replaced.Succeeded);
        Assert.False(TaskDeletionOutcome.Failed(new InvalidOperationException("x")).Succeeded);
    }
}
