using System.Text.Json.Nodes;
using Furiko.Sdk.Models;
using Furiko.Sdk.Serialization;
using NodaTime;

namespace Furiko.Cli.Tests;

/// <summary><c>furiko get job</c> and <c>furiko list jobs</c>: table, JSON and YAML, namespaces, colour.</summary>
public sealed class GetAndListTests : IAsyncLifetime
{
    private const string Table =
        """
        NAME    PHASE       KILL TIME                          CREATED   RUNNING   AGE
        alpha   Running     <none>                             2         2         90m
        beta    Succeeded   Tue, 09 Feb 2021 12:03:04 +08:00   1         0         90m

        """;

    private CliHarness _cli = null!;

    public async ValueTask InitializeAsync()
    {
        _cli = await CliHarness.StartAsync();
        _cli.AddJob(TestJobs.Running("alpha", tasks: 2));
        var beta = TestJobs.Finished("beta", JobPhase.Succeeded);
        beta.Spec.KillTimestamp = CliHarness.Start - Duration.FromMinutes(1);
        _cli.AddJob(beta);
        _cli.AddJob(TestJobs.Queued("gamma", "team-a"));
        _cli.Clock.AdvanceMinutes(90);
    }

    public async ValueTask DisposeAsync() => await _cli.DisposeAsync();

    [Fact]
    public async Task List_prints_an_aligned_table()
    {
        var run = await _cli.RunAsync("list", "jobs");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Table, run.Out);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task List_across_namespaces_adds_the_namespace_column()
    {
        var run = await _cli.RunAsync("list", "jobs", "-A");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """
            NAMESPACE   NAME    PHASE       KILL TIME                          CREATED   RUNNING   AGE
            default     alpha   Running     <none>                             2         2         90m
            default     beta    Succeeded   Tue, 09 Feb 2021 12:03:04 +08:00   1         0         90m
            team-a      gamma   Queued      <none>                             0         0         90m

            """,
            run.Out);
    }

    [Fact]
    public async Task An_empty_namespace_says_so_on_standard_error()
    {
        var run = await _cli.RunAsync("list", "jobs", "-n", "empty");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Equal("No Jobs found in namespace empty.\n", run.Error);
    }

    [Fact]
    public async Task Get_prints_one_row()
    {
        var run = await _cli.RunAsync("get", "job", "gamma", "-n", "team-a");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """
            NAME    PHASE    KILL TIME   CREATED   RUNNING   AGE
            gamma   Queued   <none>      0         0         90m

            """,
            run.Out);
    }

    [Fact]
    public async Task Get_of_a_missing_job_is_not_found()
    {
        var run = await _cli.RunAsync("get", "job", "nope");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("error: job default/nope not found\n", run.Error);
    }

    [Fact]
    public async Task Get_as_json_prints_the_job_as_stored()
    {
        var run = await _cli.RunAsync("get", "job", "beta", "-o", "json");

        Assert.Equal(0, run.ExitCode);
        var json = JsonNode.Parse(run.Out)!;
        Assert.Equal("execution.furiko.io/v1alpha1", (string?)json["apiVersion"]);
        Assert.Equal("Job", (string?)json["kind"]);
        Assert.Equal("beta", (string?)json["metadata"]!["name"]);
        Assert.Equal("2021-02-09T04:03:04Z", (string?)json["spec"]!["killTimestamp"]);
        Assert.Equal("Succeeded", (string?)json["status"]!["phase"]);
        Assert.Contains("\n  \"kind\": \"Job\",\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_as_yaml_reads_back_as_the_same_job()
    {
        var run = await _cli.RunAsync("get", "job", "beta", "--output", "yaml");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("apiVersion: execution.furiko.io/v1alpha1\nkind: Job\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("  killTimestamp: \"2021-02-09T04:03:04Z\"\n", run.Out, StringComparison.Ordinal);
        var job = FurikoManifest.LoadSingle<Job>(run.Out);
        Assert.Equal("beta", job.Metadata.Name);
        Assert.Equal(CliHarness.Start - Duration.FromMinutes(1), job.Spec.KillTimestamp);
        Assert.Equal(JobPhase.Succeeded, job.Status!.Phase);
        Assert.Equal(TaskResult.Succeeded, job.Status.Tasks![0].Status.Result);
    }

    [Fact]
    public async Task List_as_json_is_a_job_list()
    {
        var run = await _cli.RunAsync("list", "jobs", "-A", "-o", "json");

        Assert.Equal(0, run.ExitCode);
        var json = JsonNode.Parse(run.Out)!;
        Assert.Equal("JobList", (string?)json["kind"]);
        Assert.Equal(["alpha", "beta", "gamma"], json["items"]!.AsArray().Select(item => (string?)item!["metadata"]!["name"]));
    }

    [Fact]
    public async Task List_as_yaml_reads_back_as_the_jobs()
    {
        var run = await _cli.RunAsync("list", "jobs", "-o", "yaml");

        Assert.Equal(0, run.ExitCode);
        var list = FurikoManifest.LoadSingle<JobList>(run.Out);
        Assert.Equal(["alpha", "beta"], list.Items.Select(job => job.Metadata.Name));
    }

    [Fact]
    public async Task An_unknown_output_format_is_a_usage_error()
    {
        var run = await _cli.RunAsync("list", "jobs", "-o", "wide");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'wide'", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task A_terminal_gets_coloured_phases_with_the_columns_still_aligned()
    {
        _cli.OutputIsTerminal = true;

        var run = await _cli.RunAsync("list", "jobs");

        Assert.Contains("\u001b[32mSucceeded\u001b[0m", run.Out, StringComparison.Ordinal);
        Assert.Equal(Table, StripAnsi(run.Out));
    }

    [Theory]
    [InlineData("NO_COLOR", "1")]
    [InlineData("TERM", "dumb")]
    public async Task Colour_is_off_when_the_environment_says_so(string variable, string value)
    {
        _cli.OutputIsTerminal = true;
        _cli.Variables[variable] = value;

        var run = await _cli.RunAsync("list", "jobs");

        Assert.Equal(Table, run.Out);
    }

    [Fact]
    public async Task Redirected_output_has_no_colour()
    {
        _cli.OutputIsTerminal = false;

        var run = await _cli.RunAsync("list", "jobs");

        Assert.DoesNotContain('\u001b', run.Out);
    }

    private static string StripAnsi(string text) => System.Text.RegularExpressions.Regex.Replace(text, "\u001b\\[[0-9;]*m", string.Empty);
}
