using Furiko.Sdk.KillRequests;
using Furiko.Sdk.Models;
using NodaTime;
using static Furiko.Sdk.Tests.Status.StatusFixtures;

namespace Furiko.Sdk.Tests.KillRequests;

public class KillRequestRulesTests
{
    private static readonly Instant Now = Instant.FromUtc(2021, 2, 9, 4, 4, 4);

    private static KillRequestRefusedException Refused(Action action) => Assert.Throws<KillRequestRefusedException>(action);

    [Fact]
    public void A_plain_request_kills_now()
    {
        Assert.Equal(Now, KillRequestRules.ResolveKillTime(KillRequest.Now, Now));
    }

    [Fact]
    public void After_adds_the_duration_to_now_and_at_is_taken_as_given()
    {
        Assert.Equal(Now + Duration.FromMinutes(5), KillRequestRules.ResolveKillTime(KillRequest.AfterDuration(Duration.FromMinutes(5)), Now));
        Assert.Equal(Now + Duration.FromHours(1), KillRequestRules.ResolveKillTime(KillRequest.AtInstant(Now + Duration.FromHours(1)), Now));
    }

    [Fact]
    public void At_and_after_together_are_refused_first()
    {
        var ex = Refused(() => KillRequestRules.ResolveKillTime(new KillRequest { At = Now - Duration.FromDays(1), After = Duration.FromSeconds(1) }, Now));

        Assert.Equal(KillRequestRule.AtAndAfterTogether, ex.Rule);
        Assert.Equal("cannot specify both --after and --at together", ex.Message);
    }

    [Fact]
    public void A_time_strictly_in_the_past_is_refused_but_now_is_accepted()
    {
        var ex = Refused(() => KillRequestRules.ResolveKillTime(KillRequest.AfterDuration(Duration.FromSeconds(-1)), Now));

        Assert.Equal(KillRequestRule.TimeInThePast, ex.Rule);
        Assert.Equal("cannot specify to kill job after a time in the past: 2021-02-09 04:04:03 +0000 UTC", ex.Message);
        Assert.Equal(Now, KillRequestRules.ResolveKillTime(KillRequest.AtInstant(Now), Now));
    }

    [Fact]
    public void A_finished_job_is_refused_with_its_name_phase_and_the_option()
    {
        var job = StartedJob("done");
        job.Status!.Phase = JobPhase.Succeeded;

        var ex = Refused(() => KillRequestRules.CheckAgainstJob(job, KillRequest.Now, Now, Now));

        Assert.Equal(KillRequestRule.JobFinished, ex.Rule);
        Assert.Contains("default/done", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Succeeded", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--allow-finished", ex.Message, StringComparison.Ordinal);
        KillRequestRules.CheckAgainstJob(job, KillRequest.Now with { AllowFinished = true }, Now, Now);
    }

    [Fact]
    public void An_existing_kill_time_needs_override()
    {
        var job = StartedJob(killTimestamp: Now + Duration.FromMinutes(10));

        var ex = Refused(() => KillRequestRules.CheckAgainstJob(job, KillRequest.Now, Now, Now));

        Assert.Equal(KillRequestRule.KillTimeAlreadySet, ex.Rule);
        Assert.Equal("job already has a kill timestamp set to 2021-02-09 04:14:04 +0000 UTC, use --override to override previous value", ex.Message);
        KillRequestRules.CheckAgainstJob(job, KillRequest.Now with { Override = true }, Now, Now);
    }

    [Fact]
    public void A_passed_kill_time_cannot_be_changed_even_with_override()
    {
        var job = StartedJob(killTimestamp: Now - Duration.FromSeconds(1));
        var later = Now + Duration.FromMinutes(1);

        var ex = Refused(() => KillRequestRules.CheckAgainstJob(job, KillRequest.AtInstant(later) with { Override = true }, later, Now));

        Assert.Equal(KillRequestRule.KillTimeImmutableOncePassed, ex.Rule);
        Assert.Equal("spec.killTimestamp: Invalid value: 2021-02-09 04:05:04 +0000 UTC: field is immutable once passed", ex.Message);
    }

    [Fact]
    public void A_kill_time_equal_to_now_has_not_passed_and_may_be_moved()
    {
        var job = StartedJob(killTimestamp: Now);

        KillRequestRules.CheckAgainstJob(job, KillRequest.AtInstant(Now + Duration.FromMinutes(1)) with { Override = true }, Now + Duration.FromMinutes(1), Now);
    }

    [Fact]
    public void The_finished_rule_comes_before_the_existing_kill_time_rule()
    {
        var job = StartedJob(killTimestamp: Now - Duration.FromMinutes(1));
        job.Status!.Phase = JobPhase.Killed;

        Assert.Equal(KillRequestRule.JobFinished, Refused(() => KillRequestRules.CheckAgainstJob(job, KillRequest.Now, Now, Now)).Rule);
    }

    [Fact]
    public void Cancelling_clears_a_future_kill_time_only()
    {
        Assert.False(KillRequestRules.CheckCancellation(StartedJob(), Now));
        Assert.True(KillRequestRules.CheckCancellation(StartedJob(killTimestamp: Now + Duration.FromSeconds(1)), Now));

        var ex = Refused(() => KillRequestRules.CheckCancellation(StartedJob(killTimestamp: Now - Duration.FromSeconds(1)), Now));
        Assert.Equal("spec.killTimestamp: Invalid value: null: field is immutable once passed", ex.Message);
    }
}
