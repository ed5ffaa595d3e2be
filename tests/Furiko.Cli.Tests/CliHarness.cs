using Furiko.Cli.Connection;
using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Models;
using Furiko.Sdk.Testing.Emulator;
using NodaTime;
using NodaTime.Testing;

namespace Furiko.Cli.Tests;

/// <summary>
/// Runs the tool in process against the Kubernetes emulator served over HTTP, reached through a generated
/// kubeconfig (through <c>KUBECONFIG</c>, as a user would), with a fake clock shared with the emulator and a fixed
/// time zone (Asia/Singapore, +08:00, no daylight saving) so times print the same everywhere.
/// </summary>
internal sealed class CliHarness : IAsyncDisposable
{
    public static readonly Instant Start = Instant.FromUtc(2021, 2, 9, 4, 4, 4);

    private CliHarness(KubernetesEmulator emulator, KubernetesEmulatorServer server, string directory)
    {
        Emulator = emulator;
        Server = server;
        Directory = directory;
        KubeconfigPath = server.WriteKubeconfig(Path.Combine(directory, "kubeconfig"), "default", "emulator");
        Variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["KUBECONFIG"] = KubeconfigPath,
            ["HOME"] = directory,
        };
    }

    public FakeClock Clock => (FakeClock)Emulator.Clock;

    public KubernetesEmulator Emulator { get; }

    public KubernetesEmulatorServer Server { get; }

    /// <summary>A temporary directory for kubeconfig files, removed at the end.</summary>
    public string Directory { get; }

    public string KubeconfigPath { get; }

    public Dictionary<string, string> Variables { get; }

    public DateTimeZone Zone { get; set; } = DateTimeZoneProviders.Tzdb["Asia/Singapore"];

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public bool OutputIsTerminal { get; set; }

    public static async Task<CliHarness> StartAsync()
    {
        var emulator = new KubernetesEmulator(new FakeClock(Start));
        var server = await emulator.StartServerAsync(TestContext.Current.CancellationToken);
        var directory = System.IO.Directory.CreateTempSubdirectory("furiko-cli-tests-").FullName;
        return new CliHarness(emulator, server, directory);
    }

    /// <summary>Runs the tool to the end.</summary>
    public async Task<CliRun> RunAsync(params string[] args)
    {
        var running = Begin(args);
        return await running.Completion;
    }

    /// <summary>Starts the tool; the test reads its output while it runs.</summary>
    public RunningCli Begin(params string[] args)
    {
        var output = new SharedTextWriter();
        var error = new SharedTextWriter();
        var environment = new CliEnvironment
        {
            Out = output,
            Error = error,
            Clock = Clock,
            TimeZone = Zone,
            Connector = new KubeconfigClusterConnector(Variables),
            TimeProvider = TimeProvider,
            Variables = Variables,
            OutputIsTerminal = OutputIsTerminal,
        };
        var task = Task.Run(async () =>
        {
            var code = await new FurikoCli(environment).RunAsync(args, TestContext.Current.CancellationToken);
            return new CliRun(code, output.Text, error.Text);
        });
        return new RunningCli(task, output, error);
    }

    /// <summary>A Job client talking to the emulator in process, as a controller would.</summary>
    public JobClient Controller() => new(Emulator.CreateClient());

    public Job AddJob(Job job) => Emulator.AddJob(job);

    public Job? GetJob(string name, string ns = "default") => Emulator.Get<Job>(ns, name);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless.
        }
    }
}

/// <summary>A run of the tool in progress.</summary>
internal sealed class RunningCli(Task<CliRun> completion, SharedTextWriter output, SharedTextWriter error)
{
    public Task<CliRun> Completion { get; } = completion;

    public string Out => output.Text;

    /// <summary>Waits (in real time, bounded) until standard output contains the text.</summary>
    public async Task WaitForOutputAsync(string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!output.Text.Contains(text, StringComparison.Ordinal))
        {
            if (Completion.IsCompleted)
            {
                Assert.Fail($"The tool ended before writing '{text}':\n{await Completion}");
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The tool did not write '{text}' within 20 s. So far:\n{output.Text}\n--- stderr\n{error.Text}");
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
