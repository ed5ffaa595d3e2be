using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Furiko.Cli.Tests;

/// <summary>
/// The tool as users get it: packed (<c>dotnet pack</c>, from the build output of this configuration), installed
/// with <c>dotnet tool install --tool-path ... --add-source ...</c> into a temporary directory, and run as a
/// separate process against the emulator over HTTP with a kubeconfig.
/// </summary>
public sealed class PackedToolTests : IAsyncLifetime
{
    private static readonly TimeSpan StepLimit = TimeSpan.FromMinutes(5);

    private CliHarness _cli = null!;

    public async ValueTask InitializeAsync() => _cli = await CliHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _cli.DisposeAsync();

    [Fact]
    public async Task The_packed_tool_installs_and_kills_a_job_over_HTTP()
    {
        var packages = Directory.CreateDirectory(Path.Combine(_cli.Directory, "packages")).FullName;
        var tools = Path.Combine(_cli.Directory, "tools");
        var root = Metadata("RepositoryRoot");
        var project = Path.Combine(root, "src", "Furiko.Cli", "Furiko.Cli.csproj");

        var pack = await RunAsync(Dotnet, ["pack", project, "--no-build", "-c", Metadata("Configuration"), "-o", packages]);
        Assert.True(pack.ExitCode == 0, pack.ToString());
        var package = Assert.Single(Directory.GetFiles(packages, "Furiko.Cli.*.nupkg"));
        var version = Path.GetFileNameWithoutExtension(package)["Furiko.Cli.".Length..];

        var install = await RunAsync(Dotnet, ["tool", "install", "--tool-path", tools, "--add-source", packages, "Furiko.Cli", "--version", version]);
        Assert.True(install.ExitCode == 0, install.ToString());
        var furiko = Path.Combine(tools, OperatingSystem.IsWindows() ? "furiko.exe" : "furiko");

        var help = await RunAsync(furiko, ["--help"]);
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("kill <job>", help.Out, StringComparison.Ordinal);

        _cli.AddJob(TestJobs.Running("job"));
        var kill = await RunAsync(furiko, ["kill", "job", "--kubeconfig", _cli.KubeconfigPath, "--after", "1h"]);
        Assert.True(kill.ExitCode == 0, kill.ToString());
        Assert.Matches(new Regex(@"^Requested for job default/job to be killed at \w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+00:00\n$"), kill.Out);
        Assert.NotNull(_cli.GetJob("job")!.Spec.KillTimestamp);

        var missing = await RunAsync(furiko, ["get", "job", "nope", "--kubeconfig", _cli.KubeconfigPath]);
        Assert.Equal(3, missing.ExitCode);
        Assert.Equal("error: job default/nope not found\n", missing.Error);
    }

    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static string Metadata(string key) =>
        typeof(PackedToolTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private async Task<CliRun> RunAsync(string program, string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _cli.Directory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A private package folder, so a package of the same version from an earlier run is never reused; a
        // fixed zone so the printed offset is known; the tool's host finds the runtime this test runs on.
        start.Environment["NUGET_PACKAGES"] = Path.Combine(_cli.Directory, "nuget-packages");
        start.Environment["TZ"] = "UTC";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        start.Environment.Remove("KUBECONFIG");

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(StepLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', args)} did not finish within {StepLimit}.");
        }

        return new CliRun(process.ExitCode, await output, await error);
    }
}
