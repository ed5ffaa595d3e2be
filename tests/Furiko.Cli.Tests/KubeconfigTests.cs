using System.Globalization;
using Furiko.Sdk.Testing.Emulator;

namespace Furiko.Cli.Tests;

/// <summary>kubectl's habits: <c>-n</c>, <c>--context</c>, <c>--kubeconfig</c>, <c>KUBECONFIG</c> and the context's namespace.</summary>
public sealed class KubeconfigTests : IAsyncLifetime
{
    private CliHarness _cli = null!;

    public async ValueTask InitializeAsync() => _cli = await CliHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _cli.DisposeAsync();

    [Theory]
    [InlineData("kill", "job", "-n", "team-a")]
    [InlineData("kill", "job", "--namespace", "team-a")]
    [InlineData("kill", "job", "--namespace=team-a")]
    [InlineData("-n", "team-a", "kill", "job")]
    public async Task The_namespace_option_chooses_the_namespace(params string[] args)
    {
        _cli.AddJob(TestJobs.Running("job", "team-a"));

        var run = await _cli.RunAsync(args);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Requested for job team-a/job ", run.Out, StringComparison.Ordinal);
        Assert.NotNull(_cli.GetJob("job", "team-a")!.Spec.KillTimestamp);
    }

    [Fact]
    public async Task Without_a_namespace_option_the_contexts_namespace_is_used()
    {
        _cli.Server.WriteKubeconfig(_cli.KubeconfigPath, "team-b", "emulator");
        _cli.AddJob(TestJobs.Running("job", "team-b"));

        var run = await _cli.RunAsync("kill", "job");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Requested for job team-b/job ", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_context_without_a_namespace_means_default()
    {
        File.WriteAllText(_cli.KubeconfigPath, Kubeconfig(("plain", null)));
        _cli.AddJob(TestJobs.Running("job"));

        var run = await _cli.RunAsync("kill", "job");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Requested for job default/job ", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_context_option_chooses_the_context_and_its_namespace()
    {
        File.WriteAllText(_cli.KubeconfigPath, Kubeconfig(("one", "team-a"), ("two", "team-b")));
        _cli.AddJob(TestJobs.Running("job", "team-b"));

        var current = await _cli.RunAsync("get", "job", "job");
        var chosen = await _cli.RunAsync("--context", "two", "get", "job", "job");

        Assert.Equal(3, current.ExitCode);
        Assert.Equal("error: job team-a/job not found\n", current.Error);
        Assert.Equal(0, chosen.ExitCode);
    }

    [Fact]
    public async Task An_unknown_context_is_a_failure_naming_it()
    {
        var run = await _cli.RunAsync("kill", "job", "--context", "nope");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("nope", run.Error, StringComparison.Ordinal);
        Assert.StartsWith("error: cannot use kubeconfig ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KUBECONFIG_lists_files_that_are_merged_with_the_first_winning()
    {
        var first = Path.Combine(_cli.Directory, "first");
        File.WriteAllText(first, Kubeconfig(("other", "team-b")));
        _cli.Variables["KUBECONFIG"] = string.Join(Path.PathSeparator, Path.Combine(_cli.Directory, "missing"), first, _cli.KubeconfigPath);
        _cli.AddJob(TestJobs.Running("job", "team-b"));
        _cli.AddJob(TestJobs.Running("job", "default"));

        var fromFirst = await _cli.RunAsync("kill", "job");
        var fromSecond = await _cli.RunAsync("kill", "job", "--context", "emulator");

        Assert.StartsWith("Requested for job team-b/job ", fromFirst.Out, StringComparison.Ordinal);
        Assert.StartsWith("Requested for job default/job ", fromSecond.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_kubeconfig_option_wins_over_KUBECONFIG()
    {
        var path = _cli.KubeconfigPath;
        _cli.Variables["KUBECONFIG"] = Path.Combine(_cli.Directory, "missing");
        _cli.AddJob(TestJobs.Running("job"));

        var run = await _cli.RunAsync("kill", "job", "--kubeconfig", path);

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Without_KUBECONFIG_the_file_in_the_home_directory_is_used()
    {
        Directory.CreateDirectory(Path.Combine(_cli.Directory, ".kube"));
        File.Copy(_cli.KubeconfigPath, Path.Combine(_cli.Directory, ".kube", "config"));
        _cli.Variables.Remove("KUBECONFIG");
        _cli.AddJob(TestJobs.Running("job"));

        var run = await _cli.RunAsync("kill", "job");

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task No_kubeconfig_at_all_is_a_failure_that_says_what_to_do()
    {
        _cli.Variables.Remove("KUBECONFIG");

        var run = await _cli.RunAsync("kill", "job");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: no kubeconfig found: pass --kubeconfig, set KUBECONFIG, or create $HOME/.kube/config\n", run.Error);
    }

    [Fact]
    public async Task KUBECONFIG_naming_only_missing_files_is_a_failure()
    {
        var missing = Path.Combine(_cli.Directory, "missing");
        _cli.Variables["KUBECONFIG"] = missing;

        var run = await _cli.RunAsync("kill", "job");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: no file listed in KUBECONFIG exists: {missing}\n", run.Error);
    }

    [Fact]
    public async Task A_missing_kubeconfig_option_file_is_a_failure()
    {
        var run = await _cli.RunAsync("kill", "job", "--kubeconfig", "/nonexistent/config");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: kubeconfig file /nonexistent/config (--kubeconfig) does not exist\n", run.Error);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_failure()
    {
        var port = _cli.Server.Port;
        await _cli.Server.StopAsync(TestContext.Current.CancellationToken);
        File.WriteAllText(_cli.KubeconfigPath, Kubeconfig(port, ("gone", null)));

        var run = await _cli.RunAsync("get", "job", "job");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
    }

    private string Kubeconfig(params (string Name, string? Namespace)[] contexts) => Kubeconfig(_cli.Server.Port, contexts);

    private static string Kubeconfig(int port, params (string Name, string? Namespace)[] contexts)
    {
        var text = new System.Text.StringBuilder();
        text.Append("apiVersion: v1\nkind: Config\nclusters:\n");
        text.Append(CultureInfo.InvariantCulture, $"- name: local\n  cluster:\n    server: http://127.0.0.1:{port}\n");
        text.Append("users:\n- name: local\n  user:\n    token: test\ncontexts:\n");
        foreach (var (name, ns) in contexts)
        {
            text.Append(CultureInfo.InvariantCulture, $"- name: {name}\n  context:\n    cluster: local\n    user: local\n");
            if (ns is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $"    namespace: {ns}\n");
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"current-context: {contexts[0].Name}\n");
        return text.ToString();
    }
}
