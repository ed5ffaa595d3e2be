using Furiko.Sdk.Models;
using Furiko.Sdk.Testing.Emulator;
using NodaTime;

namespace Furiko.Cli.Tests;

/// <summary>Every check of <c>furiko kill</c> (FURIKO-SEMANTICS 5.6, 5.7, 7.6), its message and its exit code, end to end.</summary>
public sealed class KillRuleTests : IAsyncLifetime
{
    private CliHarness _cli = null!;

    public async ValueTask InitializeAsync() => _cli = await CliHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _cli.DisposeAsync();

    [Fact]
    public async Task No_job_name_is_a_usage_error()
    {
        var run = await _cli.RunAsync("kill");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Required argument missing for command: 'kill'", run.Error, StringComparison.Ordinal);
        Assert.Empty(_cli.Emulator.RequestLog);
    }

    [Fact]
    public async Task Two_job_names_are_a_usage_error()
    {
        var run = await _cli.RunAsync("kill", "a", "b");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Unrecognized command or argument 'b'", run.Error, StringComparison.Ordinal);
        Assert.Empty(_cli.Emulator.RequestLog);
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("2021-02-09 04:04:04")]
    [InlineData("2021-02-09T04:04:04")]
    [InlineData("2021-02-30T04:04:04Z")]
    public async Task An_at_time_that_is_not_RFC3339_is_a_usage_error_with_Furikos_message(string value)
    {
        _cli.AddJob(TestJobs.Running("job"));

        var run = await _cli.RunAsync("kill", "job", "--at", value);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: invalid value for --at: cannot parse {value} as RFC3339 timestamp: ", run.Error, StringComparison.Ordinal);
        Assert.Null(_cli.GetJob("job")!.Spec.KillTimestamp);
    }

    [Fact]
    public async Task At_and_after_together_are_a_usage_error()
    {
        _cli.AddJob(TestJobs.Running("job"));

        var run = await _cli.RunAsync("kill", "job", "--at", "2021-02-09T05:00:00Z", "--after", "5m");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: cannot specify both --after and --at together\n", run.Error);
        Assert.Empty(_cli.Emulator.RequestLog);
    }

    [Fact]
    public async Task A_bad_at_value_is_reported_before_the_conflict_with_after()
    {
        var run = await _cli.RunAsync("kill", "job", "-t", "nope", "-p", "5m");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: invalid value for --at: cannot parse nope as RFC3339 timestamp: ", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("5d")]
    [InlineData("abc")]
    public async Task An_after_value_that_is_not_a_Go_duration_is_a_usage_error(string value)
    {
        var run = await _cli.RunAsync("kill", "job", "--after", value);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: invalid value for --after: time: ", run.Error, StringComparison.Ordinal);
        Assert.Contains($"\"{value}\"", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_time_in_the_past_is_refused_before_the_job_is_read()
    {
        // FURIKO-SEMANTICS 5.6 step 3 comes before step 4: a missing Job does not matter yet.
        var run = await _cli.RunAsync("kill", "missing", "--at", "2021-02-09T04:04:03Z");

        Assert.Equal(4, run.ExitCode);
        Assert.Equal("error: cannot specify to kill job after a time in the past: 2021-02-09 04:04:03 +0000 UTC\n", run.Error);
        Assert.Empty(_cli.Emulator.RequestLog);
    }

    [Fact]
    public async Task A_negative_after_is_a_time_in_the_past()
    {
        _cli.AddJob(TestJobs.Running("job"));

        var run = await _cli.RunAsync("kill", "job", "--after", "-1m");

        Assert.Equal(4, run.ExitCode);
        Assert.Equal("error: cannot specify to kill job after a time in the past: 2021-02-09 04:03:04 +0000 UTC\n", run.Error);
        Assert.Null(_cli.GetJob("job")!.Spec.KillTimestamp);
    }

    [Fact]
    public async Task A_time_equal_to_now_is_accepted()
    {
        _cli.AddJob(TestJobs.Running("job"));

        var run = await _cli.RunAsync("kill", "job", "--at", "2021-02-09T12:04:04+08:00");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(CliHarness.Start, _cli.GetJob("job")!.Spec.KillTimestamp);
    }

    [Fact]
    public async Task A_missing_job_is_not_found()
    {
        var run = await _cli.RunAsync("kill", "missing");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("error: job default/missing not found\n", run.Error);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task An_existing_kill_time_is_kept_without_override()
    {
        _cli.AddJob(TestJobs.Running("job", killAt: CliHarness.Start + Duration.FromMinutes(10)));

        var run = await _cli.RunAsync("kill", "job");

        Assert.Equal(4, run.ExitCode);
        Assert.Equal("error: job already has a kill timestamp set to 2021-02-09 04:14:04 +0000 UTC, use --override to override previous value\n", run.Error);
        Assert.Equal(CliHarness.Start + Duration.FromMinutes(10), _cli.GetJob("job")!.Spec.KillTimestamp);
        Assert.Equal(0, _cli.Emulator.CountRequests(KubernetesVerb.Patch, "jobs"));
    }

    [Fact]
    public async Task Override_moves_a_future_kill_time_earlier()
    {
        _cli.AddJob(TestJobs.Running("job", killAt: CliHarness.Start + Duration.FromMinutes(10)));

        var run = await _cli.RunAsync("kill", "job", "--override");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(CliHarness.Start, _cli.GetJob("job")!.Spec.KillTimestamp);
    }

    [Fact]
    public async Task Override_moves_a_future_kill_time_later()
    {
        _cli.AddJob(TestJobs.Running("job", killAt: CliHarness.Start + Duration.FromMinutes(10)));

        var run = await _cli.RunAsync("kill", "job", "--override", "--after", "1h");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(CliHarness.Start + Duration.FromHours(1), _cli.GetJob("job")!.Spec.KillTimestamp);
    }

    [Fact]
    public async Task A_kill_time_that_has_passed_cannot_be_changed_even_with_override()
    {
        // FURIKO-SEMANTICS 5.7 and 7.6: the webhook would reject the update; the tool refuses it first.
        _cli.AddJob(TestJobs.Running("job", killAt: CliHarness.Start - Duration.FromMinutes(1)));

        var run = await _cli.RunAsync("kill", "job", "--override", "--after", "5m");

        Assert.Equal(4, run.ExitCode);
        Assert.Equal("error: spec.killTimestamp: Invalid value: 2021-02-09 04:09:04 +0000 UTC: field is immutable once passed\n", run.Error);
        Assert.Equal(CliHarness.Start - Duration.FromMinutes(1), _cli.GetJob("job")!.Spec.KillTimestamp);
    }

    [Fact]
    public async Task A_kill_time_that_has_passed_is_reported_as_already_set_without_override()
    {
        _cli.AddJob(TestJobs.Running("job", killAt: CliHarness.Start - Duration.FromMinutes(1)));

        var run = await _cli.RunAsync("kill", "job");

        Assert.Equal(4, run.ExitCode);
        Assert.Equal("error: job already has a kill timestamp set to 2021-02-09 04:03:04 +0000 UTC, use --override to override previous value\n", run.Error);
    }

    [Theory]
    [InlineData("Succeeded")]
    [InlineData("Failed")]
    [InlineData("Killed")]
    [InlineData("AdmissionError")]
    [InlineData("FinishedUnknown")]
    public async Task A_finished_job_is_refused_unless_allowed(string phase)
    {
        // FURIKO-SEMANTICS 7.6: Furiko's CLI would set a kill time on a finished Job; the SDK asks first.
        _cli.AddJob(TestJobs.Finished("job", new JobPhase(phase)));

        var refused = await _cli.RunAsync("kill", "job");

        Assert.Equal(4, refused.ExitCode);
        Assert.StartsWith($"error: job default/job has already finished with phase {phase}; use --allow-finished", refused.Error, StringComparison.Ordinal);
        Assert.Null(_cli.GetJob("job")!.Spec.KillTimestamp);

        var allowed = await _cli.RunAsync("kill", "job", "--allow-finished");

        Assert.Equal(0, allowed.ExitCode);
        Assert.Equal(CliHarness.Start, _cli.GetJob("job")!.Spec.KillTimestamp);
    }

    [Fact]
    public async Task A_queued_job_can_be_killed()
    {
        _cli.AddJob(TestJobs.Queued("job"));

        var run = await _cli.RunAsync("kill", "job", "--after", "30s");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(CliHarness.Start + Duration.FromSeconds(30), _cli.GetJob("job")!.Spec.KillTimestamp);
    }

    [Fact]
    public async Task Timeout_without_wait_is_a_usage_error()
    {
        var run = await _cli.RunAsync("kill", "job", "--timeout", "5m");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --timeout only applies with --wait\n", run.Error);
    }

    [Theory]
    [InlineData("soon", "error: invalid value for --timeout: time: invalid duration \"soon\"\n")]
    [InlineData("0s", "error: invalid value for --timeout: 0s: it must be more than zero\n")]
    public async Task A_bad_timeout_is_a_usage_error(string value, string message)
    {
        var run = await _cli.RunAsync("kill", "job", "--wait", "--timeout", value);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(message, run.Error);
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error()
    {
        var run = await _cli.RunAsync("kill", "job", "--now");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Unrecognized command or argument '--now'", run.Error, StringComparison.Ordinal);
        Assert.EndsWith("Run 'furiko kill --help' for usage.\n", run.Error, StringComparison.Ordinal);
    }
}
