using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.Deletion;
using Furiko.Sdk.Termination.ForceDeletion;
using Furiko.Sdk.Termination.KillTimestamp;
using Furiko.Sdk.Termination.Planning;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using static Furiko.Samples.KillLogicTests.SampleJobs;

namespace Furiko.Samples.KillLogicTests;

/// <summary>
/// Testing your own kill rule in isolation: build the pure planner with your trigger, move a FakeClock, and
/// look at the plan. No cluster, no waiting, no mocks needed for time.
/// </summary>
public class MaxRunDurationTriggerTests
{
    private readonly FakeClock _clock = new(Start);

    private static TerminationPlanner PlannerWith(MaxRunDurationTrigger trigger) => new(
        new KillTimestampEvaluator(),
        jobTriggers: [],
        taskTriggers: [trigger],
        new ForceDeletionPolicy(Options.Create(new TerminationOptions())));

    [Fact]
    public void A_task_within_its_limit_is_left_alone_and_the_planner_says_when_to_look_again()
    {
        var planner = PlannerWith(new MaxRunDurationTrigger(Duration.FromHours(2)));
        var task = RunningTask("nightly-report-gezdqo-0", "node-a", _clock.GetCurrentInstant());

        _clock.AdvanceMinutes(90);
        var plan = planner.Plan(Job(task), [task], _clock.GetCurrentInstant());

        Assert.False(plan.HasDecisions);
        Assert.Equal(Duration.FromMinutes(30), plan.RequeueAfter);
    }

    [Fact]
    public void A_task_past_its_limit_is_deleted_gracefully_with_a_tombstone_that_says_why()
    {
        var planner = PlannerWith(new MaxRunDurationTrigger(Duration.FromHours(2)));
        var task = RunningTask("nightly-report-gezdqo-0", "node-a", _clock.GetCurrentInstant());

        _clock.AdvanceHours(2);
        var decision = Assert.Single(planner.Plan(Job(task), [task], _clock.GetCurrentInstant()).Decisions);

        Assert.Equal(TaskDeletionMode.Graceful, decision.Deletion);
        Assert.Equal("MaxRunDuration", decision.Cause.Rule.Name);
        Assert.Equal("MaxRunDurationExceeded", decision.Tombstone!.Value.Tombstone.Reason);
        Assert.Equal("Task ran longer than 2h0m0s", decision.Tombstone!.Value.Tombstone.Message);
    }

    [Fact]
    public void A_task_past_its_limit_keeps_its_own_reason_when_a_kill_request_comes_in_the_same_pass()
    {
        var planner = PlannerWith(new MaxRunDurationTrigger(Duration.FromHours(2)));
        var old = RunningTask("nightly-report-gezdqo-0", "node-a", _clock.GetCurrentInstant());
        var young = RunningTask("nightly-report-gi3dgn-0", "node-b", _clock.GetCurrentInstant() + Duration.FromHours(1));
        var job = Job(old, young);
        _clock.AdvanceHours(2);
        job.Spec.KillTimestamp = _clock.GetCurrentInstant();

        var plan = planner.Plan(job, [old, young], _clock.GetCurrentInstant());

        Assert.Equal(["MaxRunDuration", "KillTimestamp"], plan.Decisions.Select(decision => decision.Cause.Rule.Name));
        Assert.Contains("because MaxRunDuration", plan.Explain(), StringComparison.Ordinal);
    }
}
