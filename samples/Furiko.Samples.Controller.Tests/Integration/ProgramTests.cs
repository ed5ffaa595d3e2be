using System.Diagnostics;
using System.Text;
using Furiko.Sdk.KillRequests;
using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Models;
using Furiko.Sdk.Testing.Emulator;
using k8s.Models;
using NodaTime;

namespace Furiko.Samples.Controller.Tests.Integration;

/// <summary>
/// The real program, as a process: Program.cs composes it, appsettings.json configures it, a kubeconfig (KUBECONFIG)
/// points it at the emulator served over HTTP, the environment names it (POD_NAME, POD_NAMESPACE) as the Deployment does,
/// and SIGTERM stops it. The emulator follows the real clock here, since the program does.
/// </summary>
[Collection(ReplicaTestGroup.Name)]
public sealed class ProgramTests
{
    [Fact]
    public async Task The_program_leads_kills_a_Job_through_a_kubeconfig_and_on_SIGTERM_exits_cleanly_releasing_its_Lease()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Needs POSIX signals.");
        var token = TestContext.Current.CancellationToken;
        var emulator = new KubernetesEmulator(SystemClock.Instance, new KubernetesEmulatorOptions { KubeletStopDelay = Duration.Zero });
        await using var server = await emulator.StartServerAsync(token);
        var directory = Directory.CreateTempSubdirectory("furiko-sample-controller-");
        var kubeconfig = server.WriteKubeconfig(Path.Combine(directory.FullName, "kubeconfig"));
        TestCluster.SeedJob(emulator, SystemClock.Instance.GetCurrentInstant(), "nightly", "node-a");
        var pod = TestCluster.PodName("nightly", 0);

        var output = new StringBuilder();
        using var process = StartProgram(kubeconfig, output);
        try
        {
            await Eventually.WaitUntilAsync(
                () => process.HasExited || emulator.Get<V1Lease>("furiko-sample", "furiko-sample-controller")?.Spec.HolderIdentity == "controller-7f9c-x2x4z",
                "the program holds the Lease under its Pod name", diagnostics: () => Text(output));
            Assert.False(process.HasExited, Text(output));

            using var client = server.CreateClient();
            await new KillRequestService(new JobClient(client), SystemClock.Instance).RequestKillAsync(TestCluster.Ns, "nightly", KillRequest.Now, token);
            await Eventually.WaitUntilAsync(() => emulator.Get<Job>(TestCluster.Ns, "nightly")?.Status?.Phase == JobPhase.Killed, "the Job is Killed", diagnostics: () => Text(output));
            await Eventually.WaitUntilAsync(() => emulator.Get<V1Pod>(TestCluster.Ns, pod) is null, "the Pod is gone");

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(token);
                Assert.Equal(0, kill.ExitCode);
            }

            await process.WaitForExitAsync(token).WaitAsync(TimeSpan.FromSeconds(15), token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            directory.Delete(recursive: true);
        }

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(string.Empty, emulator.Get<V1Lease>("furiko-sample", "furiko-sample-controller")!.Spec.HolderIdentity);
        var log = Text(output);
        Assert.Contains("controller-7f9c-x2x4z started leading", log, StringComparison.Ordinal);
        Assert.Contains("Released Lease furiko-sample/furiko-sample-controller", log, StringComparison.Ordinal);
    }

    private static Process StartProgram(string kubeconfig, StringBuilder log)
    {
        // The program's own output (its deps.json and runtimeconfig.json), not the copy next to the tests, which runs on
        // the tests' shared frameworks: samples/Furiko.Samples.Controller/bin/<configuration>/<framework>/.
        var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var output = Path.Combine(tests.Parent!.Parent!.Parent!.Parent!.FullName, "Furiko.Samples.Controller", "bin", tests.Parent.Name, tests.Name);
        var program = Path.Combine(output, "Furiko.Samples.Controller");
        Assert.True(File.Exists(program), $"The program is not built at {program}.");
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = output, // where appsettings.json is, as in the image
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["KUBECONFIG"] = kubeconfig;
        start.Environment["POD_NAME"] = "controller-7f9c-x2x4z";
        start.Environment["POD_NAMESPACE"] = "furiko-sample";
        start.Environment.Remove("KUBERNETES_SERVICE_HOST"); // never mistake the test machine for a cluster
        start.Environment["Controller__LeaderElection__LeaseDuration"] = "00:00:02";
        start.Environment["Controller__LeaderElection__RenewDeadline"] = "00:00:01.5";
        start.Environment["Controller__LeaderElection__RetryPeriod"] = "00:00:00.2";
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
