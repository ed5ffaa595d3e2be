using Furiko.Sdk.Testing.Emulator;
using NodaTime;

namespace Furiko.Cli.Tests;

/// <summary><c>furiko kill</c> end to end over HTTP: what it writes to the Job and what it prints.</summary>
public sealed class KillTests : IAsyncLifetime
{
    private CliHarness _cli = null!;

    public async ValueTask InitializeAsync() => _cli = await CliHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _cli.DisposeAsync();

    [Fact]
    public async Task Kill_now_sets_the_kill_time_to_now_and_prints_it_in_the_local_zone()
    {
        _cli.AddJob(TestJobs.Running("job"));

        var run = await _cli.RunAsync("kill", "job");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Requested for job default/job to be killed at Tue, 09 Feb 2021 12:04:04 +08:00\n", run.Out);
        Assert.Empty(run.Error);
        Assert.Equal(CliHarness.Start, _cli.GetJob("job")!.Spec.KillTimestamp);
    }

    [Fact]
    public async Task The_time_is_shown_in_the_zone_the_tool_is_given()
    {
        _cli.Zone = DateTimeZone.Utc;
        _cli.AddJob(TestJobs.Running("job"));

        var run = await _cli.RunAsync("kill", "job");

        Assert.Equal("Requested for job default/job to be killed at Tue, 09 Feb 2021 04:04:04 +00:00\n", run.Out);
    }

    [Fact]
    public async Task Kill_at_an_RFC3339_time_with_an_offset()
    {
        _cli.AddJob(TestJobs.Running("job"));

        var run = await _cli.RunAsync("kill", "job", "--at", "2021-02-09T06:00:00-05:00");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Instant.FromUtc(2021, 2, 9, 11, 0), _cli.GetJob("job")!.Spec.KillTimestamp);
        Assert.Equal("Requested for job default/job to be killed at Tue, 09 Feb 2021 19:00:00 +08:00\n", run.Out);
    }

    [Theory]
    [InlineData("40s", 40)]
    [InlineData("5m", 300)]
    [InlineData("1h30m", 5400)]
    [InlineData("1.5h", 5400)]
    [InlineData("0", 0)]
    public async Task Kill_after_a_Go_duration(string after, long seconds)
    {
        _cli.AddJob(TestJobs.Running("job"));

        var run = await _cli.RunAsync("kill", "job", "-p", after);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(CliHarness.Start + Duration.FromSeconds(seconds), _cli.GetJob("job")!.Spec.KillTimestamp);
    }

    [Fact]
    public async Task Only_the_kill_time_is_patched_conditional_on_the_resource_version()
    {
        _cli.AddJob(TestJobs.Running("job"));

        await _cli.RunAsync("kill", "job");

        var patch = Assert.Single(_cli.Emulator.RequestLog, r => r.Verb == KubernetesVerb.Patch);
        Assert.Equal("jobs", patch.Resource);
        Assert.Null(patch.Subresource);
        Assert.Equal(1, _cli.Emulator.CountRequests(KubernetesVerb.Get, "jobs"));
    }

    [Fact]
    public async Task A_conflict_on_the_patch_is_retried_after_reading_the_job_again()
    {
        _cli.AddJob(TestJobs.Running("job"));
        var fault = _cli.Emulator.InjectFault(new RequestMatch(KubernetesVerb.Patch, "jobs") { Name = "job" }, EmulatorFault.Status(409));

        var run = await _cli.RunAsync("kill", "job", "--after", "5m");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, fault.HitCount);
        Assert.Equal(2, _cli.Emulator.CountRequests(KubernetesVerb.Patch, "jobs"));
        Assert.Equal(2, _cli.Emulator.CountRequests(KubernetesVerb.Get, "jobs"));
        Assert.Equal(CliHarness.Start + Duration.FromMinutes(5), _cli.GetJob("job")!.Spec.KillTimestamp);
    }

    [Fact]
    public async Task A_job_that_keeps_changing_is_a_failure()
    {
        _cli.AddJob(TestJobs.Running("job"));
        _cli.Emulator.InjectFault(new RequestMatch(KubernetesVerb.Patch, "jobs") { Name = "job" }, EmulatorFault.Status(409), times: 100);

        var run = await _cli.RunAsync("kill", "job");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("gave up after 5 attempts", run.Error, StringComparison.Ordinal);
        Assert.Null(_cli.GetJob("job")!.Spec.KillTimestamp);
    }

    [Fact]
    public async Task A_conflict_after_which_the_job_has_the_requested_time_needs_no_second_patch()
    {
        // As when the first patch landed but its answer was lost: after the 409 the Job already has the time.
        _cli.AddJob(TestJobs.Running("job"));
        await _cli.Controller().MergePatchAsync("default", "job", """{"spec":{"killTimestamp":"2021-02-09T04:09:04Z"}}""", TestContext.Current.CancellationToken);
        _cli.Emulator.InjectFault(new RequestMatch(KubernetesVerb.Patch, "jobs") { Name = "job" }, EmulatorFault.Status(409));
        _cli.Emulator.ClearRequestLog();

        var run = await _cli.RunAsync("kill", "job", "--at", "2021-02-09T04:09:04Z", "--override");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Requested for job default/job to be killed at Tue, 09 Feb 2021 12:09:04 +08:00\n", run.Out);
        Assert.Equal(1, _cli.Emulator.CountRequests(KubernetesVerb.Patch, "jobs"));
        Assert.Equal(2, _cli.Emulator.CountRequests(KubernetesVerb.Get, "jobs"));
    }

    [Fact]
    public async Task Server_errors_are_failures_with_the_servers_message()
    {
        _cli.AddJob(TestJobs.Running("job"));
        _cli.Emulator.InjectFault(new RequestMatch(KubernetesVerb.Patch, "jobs"), EmulatorFault.Status(403));

        var run = await _cli.RunAsync("kill", "job");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("403", run.Error, StringComparison.Ordinal);
    }
}
