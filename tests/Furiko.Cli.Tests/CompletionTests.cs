using Furiko.Sdk.Models;

namespace Furiko.Cli.Tests;

/// <summary>Shell completion through the <c>[suggest]</c> directive, as <c>dotnet-suggest</c> asks for it.</summary>
public sealed class CompletionTests : IAsyncLifetime
{
    private CliHarness _cli = null!;

    public async ValueTask InitializeAsync()
    {
        _cli = await CliHarness.StartAsync();
        _cli.AddJob(TestJobs.Running("run-a"));
        var killing = TestJobs.Running("run-b");
        killing.Status!.Phase = JobPhase.Killing;
        _cli.AddJob(killing);
        _cli.AddJob(TestJobs.Queued("queued"));
        _cli.AddJob(TestJobs.Finished("done", JobPhase.Succeeded));
        _cli.AddJob(TestJobs.Running("run-c", "team-a"));
    }

    public async ValueTask DisposeAsync() => await _cli.DisposeAsync();

    [Fact]
    public async Task Kill_completes_active_jobs_only()
    {
        // FURIKO-SEMANTICS 5.6: shell completion offers only active Jobs.
        var names = await CompleteAsync("kill ");

        Assert.Equal(["run-a", "run-b"], names);
    }

    [Fact]
    public async Task Kill_completes_the_word_being_typed()
    {
        Assert.Equal(["run-b"], await CompleteAsync("kill run-b"));
        Assert.Empty(await CompleteAsync("kill q"));
    }

    [Fact]
    public async Task Get_and_explain_complete_every_job()
    {
        Assert.Equal(["done", "queued", "run-a", "run-b"], await CompleteAsync("get job "));
        Assert.Equal(["done", "queued", "run-a", "run-b"], await CompleteAsync("explain job "));
    }

    [Fact]
    public async Task Completion_uses_the_namespace_on_the_line()
    {
        Assert.Equal(["run-c"], await CompleteAsync("kill -n team-a "));
    }

    [Fact]
    public async Task Options_are_completed_too()
    {
        var run = await _cli.RunAsync("[suggest:8]", "kill --a");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("--after\n--allow-finished\n--at\n", run.Out);
    }

    [Fact]
    public async Task An_unreachable_cluster_completes_no_job_and_no_error()
    {
        _cli.Variables["KUBECONFIG"] = Path.Combine(_cli.Directory, "missing");

        var run = await _cli.RunAsync("[suggest:5]", "kill ");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        Assert.All(run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.True(line[0] is '-' or '/', line));
    }

    // Asks for completions at the end of the line and keeps the job names (options start with - or /).
    private async Task<string[]> CompleteAsync(string line)
    {
        var run = await _cli.RunAsync($"[suggest:{line.Length}]", line);
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        return [.. run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(word => word[0] is not ('-' or '/'))];
    }
}
