using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.Planning;
using NodaTime;
using static Furiko.Sdk.Tests.Termination.TerminationFixtures;

namespace Furiko.Sdk.Tests.Termination.Planning;

/// <summary>FURIKO-SEMANTICS 3 (Requeues) with 7.1: the earliest deadline, never sooner than one second.</summary>
public class TerminationPlannerRequeueTests
{
    [Fact]
    public void Requeue_is_the_earliest_of_kill_pending_and_force_deadlines()
    {
        var job = NewJob();
        job.Spec.KillTimestamp = At(2000);
        var tasks = new[]
        {
            Pending("pending", At(500)),                      // deadline 1400
            Running("deleting", At(0)).DeletingAt(At(400)),   // deadline 1300
        };

        var plan = Planner().Plan(job, tasks, At(1000));

        Assert.Equal(new TerminationWakeUp(At(1300), Duration.FromSeconds(300), TerminationRule.ForceDeletionTimeout), plan.WakeUp);
        Assert.Equal(Duration.FromSeconds(300), plan.RequeueAfter);
    }

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(0.5, 1000)]
    [InlineData(0.001, 1000)]
    [InlineData(1.5, 1500)]
    public void Requeue_is_never_sooner_than_one_second(double secondsAhead, long expectedMilliseconds)
    {
        var now = At(1000);
        var job = NewJob();
        job.Spec.KillTimestamp = now + Duration.FromMilliseconds((long)(secondsAhead * 1000));

        var plan = Planner().Plan(job, [], now);

        Assert.Equal(Duration.FromMilliseconds(expectedMilliseconds), plan.RequeueAfter);
    }

    [Fact]
    public void Nothing_pending_means_no_timed_wake_up()
    {
        var plan = Planner().Plan(NewJob(), [Running("a", At(0)), Finished("b", At(0), At(1))], At(1000));

        Assert.Null(plan.WakeUp);
        Assert.Null(plan.RequeueAfter);
    }

    [Fact]
    public void Tasks_killed_in_this_pass_leave_no_pending_wake_up()
    {
        var job = NewJob();
        job.Spec.KillTimestamp = At(0);

        var plan = Planner().Plan(job, [Pending("p", At(500))], At(1000));

        Assert.True(plan.HasDecisions);
        Assert.Null(plan.WakeUp);
    }
}
