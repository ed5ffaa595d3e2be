using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.ForceDeletion;
using Furiko.Sdk.Termination.KillTimestamp;
using Furiko.Sdk.Termination.Planning;
using Furiko.Sdk.Termination.Triggers;
using NodaTime;
using NSubstitute;
using static Furiko.Sdk.Tests.Termination.TerminationFixtures;

namespace Furiko.Sdk.Tests.Termination.Planning;

/// <summary>The planner's contract beyond the individual rules: open triggers, explanations, input checks, purity.</summary>
public class TerminationPlannerTests
{
    [Fact]
    public void A_user_task_trigger_is_named_as_the_cause_and_writes_its_own_tombstone()
    {
        var trigger = Substitute.For<ITaskTerminationTrigger>();
        trigger.Rule.Returns(new TerminationRule("MaxRunDuration"));
        trigger.Evaluate(Arg.Any<Job>(), Arg.Is<ObservedTask>(task => task.Name == "old"), Arg.Any<Instant>())
            .Returns(TaskTriggerDecision.Due(At(100), "MaxRunDuration", "Ran too long"));
        var planner = new TerminationPlanner(new KillTimestampEvaluator(), [], [trigger], Substitute.For<IForceDeletionPolicy>());

        var plan = planner.Plan(NewJob(), [Running("old", At(0)), Running("young", At(50))], At(200));

        var decision = plan.Single("old");
        Assert.Equal(new TerminationCause(new TerminationRule("MaxRunDuration"), At(200), At(100)), decision.Cause);
        Assert.Equal(Tombstone.KilledBecause("MaxRunDuration", "Ran too long"), decision.Tombstone!.Value.Tombstone);
    }

    [Fact]
    public void Task_triggers_are_asked_in_order_and_the_first_that_fires_wins()
    {
        var first = Substitute.For<ITaskTerminationTrigger>();
        first.Rule.Returns(new TerminationRule("First"));
        first.Evaluate(default!, default!, default).ReturnsForAnyArgs(TaskTriggerDecision.Due(null, "First", null));
        var second = Substitute.For<ITaskTerminationTrigger>();
        var planner = new TerminationPlanner(new KillTimestampEvaluator(), [], [first, second], Substitute.For<IForceDeletionPolicy>());

        var plan = planner.Plan(NewJob(), [Running("a", At(0))], At(10));

        Assert.Equal("First", plan.Single("a").Cause.Rule.Name);
        second.DidNotReceiveWithAnyArgs().Evaluate(default!, default!, default);
    }

    [Fact]
    public void A_user_job_trigger_can_schedule_a_wake_up_and_later_kill()
    {
        var trigger = Substitute.For<IJobTerminationTrigger>();
        trigger.Rule.Returns(new TerminationRule("Deadline"));
        trigger.Evaluate(default!, default!, default).ReturnsForAnyArgs(call =>
            call.ArgAt<Instant>(2) < At(100) ? JobTriggerDecision.Scheduled(At(100)) : JobTriggerDecision.Due(At(100)));
        var planner = new TerminationPlanner(new KillTimestampEvaluator(), [trigger], [], Substitute.For<IForceDeletionPolicy>());

        Assert.Equal(At(100), planner.Plan(NewJob(), [Running("a", At(0))], At(40)).WakeUp!.Value.At);
        Assert.Equal("Deadline", planner.Plan(NewJob(), [Running("a", At(0))], At(100)).KillCause!.Value.Rule.Name);
    }

    [Fact]
    public void The_force_deletion_policy_is_asked_only_about_tasks_being_deleted()
    {
        var policy = Substitute.For<IForceDeletionPolicy>();
        var planner = new TerminationPlanner(new KillTimestampEvaluator(), [], [], policy);
        var deleting = Running("deleting", At(0)).DeletingAt(At(10));

        planner.Plan(NewJob(), [Running("running", At(0)), deleting, Running("forced", At(0)).ForceDeletedAt(At(5))], At(20));

        policy.Received(1).Evaluate(Arg.Any<Job>(), deleting, At(20));
        policy.ReceivedWithAnyArgs(1).Evaluate(default!, default!, default);
    }

    [Fact]
    public void Explain_says_what_and_why()
    {
        var job = NewJob();
        job.Spec.KillTimestamp = At(900);

        var text = Planner().Plan(job, [Pending("stuck", At(0)), Running("busy", At(0))], At(900)).Explain();

        Assert.Contains("kill the Job: KillTimestamp: deadline 2021-02-09T04:15:00Z reached at 2021-02-09T04:15:00Z", text, StringComparison.Ordinal);
        Assert.Contains("task stuck: Graceful delete, tombstone Overwrite {Terminated, Killed, PendingTimeout, Task exceeded pending timeout of 15m0s}; because PendingTimeout", text, StringComparison.Ordinal);
        Assert.Contains("task busy: Graceful delete, tombstone Overwrite {Terminated, Killed, , }; because KillTimestamp", text, StringComparison.Ordinal);
        Assert.Contains("new tasks may not be created", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_plan_explains_itself_too()
    {
        var text = TerminationPlan.Empty(At(0)).Explain();

        Assert.Contains("nothing to delete", text, StringComparison.Ordinal);
        Assert.Contains("next look: on the next event", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_task_is_named_by_its_position()
    {
        var error = Assert.Throws<ArgumentException>(() => Planner().Plan(NewJob(), [Running("a", At(0)), null!], At(0)));

        Assert.Contains("tasks[1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_local_deletion_timestamp_is_refused_with_the_field_named()
    {
        var job = NewJob();
        job.Metadata.DeletionTimestamp = new DateTime(2021, 2, 9, 4, 0, 0, DateTimeKind.Local);

        var error = Assert.Throws<ArgumentException>(() => Planner().Plan(job, [], At(0)));

        Assert.Contains("metadata.deletionTimestamp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unspecified_deletion_timestamp_is_taken_as_UTC()
    {
        var job = NewJob();
        job.Metadata.DeletionTimestamp = new DateTime(2021, 2, 9, 4, 0, 0, DateTimeKind.Unspecified);

        var plan = Planner().Plan(job, [Running("a", At(0))], At(10));

        Assert.Equal(At(0), plan.Single("a").Cause.Deadline);
    }

    [Fact]
    public void A_Job_with_empty_metadata_and_spec_plans_without_failing()
    {
        var job = new Job { Metadata = null!, Spec = new JobSpec(), Status = null };

        var plan = Planner().Plan(job, [Running("a", At(0))], At(10));

        Assert.False(plan.HasDecisions);
        Assert.True(plan.CanCreateTasks);
    }

    [Fact]
    public void The_same_input_gives_the_same_plan()
    {
        var job = NewJob();
        job.Spec.KillTimestamp = At(100);
        var tasks = new[] { Pending("p", At(0)), Running("r", At(0)).DeletingAt(At(5)) };
        var planner = Planner();

        var first = planner.Plan(job, tasks, At(2000));
        var second = planner.Plan(job, tasks, At(2000));

        Assert.Equal(first.Decisions, second.Decisions);
        Assert.Equal(first.WakeUp, second.WakeUp);
    }
}
