using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.PendingTimeout;
using Furiko.Sdk.Termination.Triggers;
using Microsoft.Extensions.Options;
using NodaTime;
using static Furiko.Sdk.Tests.Termination.TerminationFixtures;

namespace Furiko.Sdk.Tests.Termination.PendingTimeout;

public class PendingTimeoutTriggerTests
{
    private static PendingTimeoutTrigger Trigger(long defaultSeconds = 900) =>
        new(Options.Create(new TerminationOptions { DefaultPendingTimeoutSeconds = defaultSeconds }));

    [Theory]
    [InlineData(900, null, 900)]
    [InlineData(900, 60L, 60)]
    [InlineData(900, 0L, 0)]
    [InlineData(900, -5L, 900)]
    [InlineData(0, null, 0)]
    [InlineData(0, 120L, 120)]
    [InlineData(0, -1L, 0)]
    public void Effective_timeout_is_the_Job_s_own_unless_unset_or_negative(long defaultSeconds, long? jobSeconds, long expected)
    {
        var job = NewJob();
        job.Spec.Template!.TaskPendingTimeoutSeconds = jobSeconds;

        Assert.Equal(expected, Trigger(defaultSeconds).EffectiveTimeoutSeconds(job));
    }

    [Theory]
    [InlineData(899, TriggerVerdict.Scheduled)]
    [InlineData(900, TriggerVerdict.Due)]
    [InlineData(901, TriggerVerdict.Due)]
    public void A_pending_task_is_due_at_creation_plus_timeout_inclusive(long secondsAfterCreation, TriggerVerdict expected)
    {
        var decision = Trigger().Evaluate(NewJob(), Pending("t", At(0)), At(secondsAfterCreation));

        Assert.Equal(expected, decision.Verdict);
        Assert.Equal(At(900), decision.Deadline);
    }

    [Fact]
    public void Due_decision_carries_Furiko_s_reason_and_message()
    {
        var decision = Trigger().Evaluate(NewJob(), Pending("t", At(0)), At(900));

        Assert.Equal("PendingTimeout", decision.Reason);
        Assert.Equal("Task exceeded pending timeout of 15m0s", decision.Message);
    }

    [Fact]
    public void Message_shows_the_per_Job_timeout()
    {
        var job = NewJob();
        job.Spec.Template!.TaskPendingTimeoutSeconds = 60;

        var decision = Trigger().Evaluate(job, Pending("t", At(0)), At(60));

        Assert.Equal("Task exceeded pending timeout of 1m0s", decision.Message);
    }

    [Theory]
    [InlineData("running")]
    [InlineData("finished")]
    [InlineData("deleting")]
    public void Only_pending_tasks_not_being_deleted_are_candidates(string kind)
    {
        var task = kind switch
        {
            "running" => Running("t", At(0)),
            "finished" => Finished("t", At(0), At(10)) with { RunningTimestamp = null },
            _ => Pending("t", At(0)).DeletingAt(At(30)),
        };

        Assert.Equal(TriggerVerdict.NotDue, Trigger().Evaluate(NewJob(), task, At(10_000)).Verdict);
    }

    [Fact]
    public void A_task_restarting_in_CrashLoopBackOff_counts_as_pending()
    {
        // The live Pod has no running container now (waiting, last state terminated): no running time.
        var crashLooping = Pending("t", At(0)) with { Status = new Furiko.Sdk.Models.TaskRefStatus { State = Furiko.Sdk.Models.TaskState.Starting, Reason = "CrashLoopBackOff" } };

        Assert.Equal(TriggerVerdict.Due, Trigger().Evaluate(NewJob(), crashLooping, At(900)).Verdict);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(900, 0L)]
    public void A_timeout_of_zero_disables_the_trigger(long defaultSeconds, long? jobSeconds)
    {
        var job = NewJob();
        job.Spec.Template!.TaskPendingTimeoutSeconds = jobSeconds;

        Assert.Equal(TriggerVerdict.NotDue, Trigger(defaultSeconds).Evaluate(job, Pending("t", At(0)), At(100_000)).Verdict);
    }

    [Fact]
    public void A_huge_per_Job_timeout_means_never_rather_than_overflow()
    {
        var job = NewJob();
        job.Spec.Template!.TaskPendingTimeoutSeconds = long.MaxValue;

        Assert.Equal(TriggerVerdict.NotDue, Trigger().Evaluate(job, Pending("t", At(0)), At(100_000)).Verdict);
    }

    [Fact]
    public void Invalid_options_are_refused_at_construction()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Trigger(-1));

        Assert.Contains("DefaultPendingTimeoutSeconds is -1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_is_PendingTimeout()
    {
        Assert.Equal(TerminationRule.PendingTimeout, Trigger().Rule);
        Assert.Equal(Duration.FromMinutes(15), Duration.FromSeconds(Trigger().EffectiveTimeoutSeconds(NewJob())));
    }
}
