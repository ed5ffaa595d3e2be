using Furiko.Sdk.Models;
using Furiko.Sdk.Testing.Emulator;
using k8s;
using NodaTime;

namespace Furiko.Samples.Demo.Tests;

public class DemoStoryTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 1, 9, 0);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static int ForcedPodDeletes(KubernetesEmulator emulator) =>
        emulator.RequestLog.Count(r => r.Verb == KubernetesVerb.Delete && r.Resource == "pods" && r.Query.Contains("gracePeriodSeconds=0", StringComparison.Ordinal));

    private static int GracefulPodDeletes(KubernetesEmulator emulator) =>
        emulator.RequestLog.Count(r => r.Verb == KubernetesVerb.Delete && r.Resource == "pods" && !r.Query.Contains("gracePeriodSeconds=0", StringComparison.Ordinal));

    [Fact]
    public async Task The_job_goes_running_killing_killed_with_exactly_one_forced_delete()
    {
        await using var world = new EmbeddedWorld(Start);
        var output = new StringWriter();

        var report = await new DemoStory(world, new DemoSettings(ForbidForceDeletion: false), output).RunAsync(Token);

        Assert.Equal([JobPhase.Running, JobPhase.Killing, JobPhase.Killed], report.Phases);
        Assert.Equal(0, report.ExitCode);
        Assert.Equal(1, ForcedPodDeletes(world.Emulator));
        Assert.Equal(3, GracefulPodDeletes(world.Emulator));
        Assert.Equal(1, report.ForcedDeletes);
        var text = output.ToString();
        Assert.Contains("reason ForceDeleted: \"Forcefully deleted the task, container may still be running\"", text, StringComparison.Ordinal);
        Assert.Contains("event Warning ForceDeleted: Deleted task nightly-report-geytio-0", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stuck_task_is_forced_only_after_the_force_timeout()
    {
        await using var world = new EmbeddedWorld(Start);
        var output = new StringWriter();

        await new DemoStory(world, new DemoSettings(ForbidForceDeletion: false), output).RunAsync(Token);

        // Graceful deletes at the kill time; the forced one 30 s after the stuck Pod's deletion deadline (grace 8 s).
        var killAt = world.Emulator.RequestLog.First(r => r.Verb == KubernetesVerb.Delete && r.Resource == "pods").Time;
        var forcedAt = world.Emulator.RequestLog.Single(r => r.Verb == KubernetesVerb.Delete && r.Resource == "pods" && r.Query.Contains("gracePeriodSeconds=0", StringComparison.Ordinal)).Time;
        Assert.Equal(Duration.FromSeconds(8 + 30), forcedAt - killAt);
    }

    [Fact]
    public async Task With_forbid_task_force_deletion_no_forced_delete_is_ever_sent()
    {
        await using var world = new EmbeddedWorld(Start);
        var output = new StringWriter();

        var report = await new DemoStory(world, new DemoSettings(ForbidForceDeletion: true), output).RunAsync(Token);

        Assert.Equal([JobPhase.Running, JobPhase.Killing], report.Phases);
        Assert.True(report.StoppedWithStuckTask);
        Assert.Equal(0, report.ExitCode);
        Assert.Equal(0, ForcedPodDeletes(world.Emulator));
        Assert.Contains("forbidTaskForceDeletion: it is never forced", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Against_an_api_server_through_a_kubeconfig_every_task_goes_gracefully()
    {
        // The emulator served over HTTP on real time stands in for a cluster; the demo only has the kubeconfig.
        var emulator = new KubernetesEmulator(
            SystemClock.Instance,
            new KubernetesEmulatorOptions { KubeletStartDelay = Duration.Zero, KubeletStopDelay = Duration.FromMilliseconds(1500) });
        emulator.AddNode("worker-1");
        emulator.AddNode("worker-2");
        await using var server = await emulator.StartServerAsync(Token);
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"furiko-demo-{Guid.NewGuid():N}.yaml");
        server.WriteKubeconfig(kubeconfig, @namespace: "default");
        try
        {
            var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
            await using var world = new ClusterWorld(client, SystemClock.Instance, kubeconfig);
            var settings = new DemoSettings(ForbidForceDeletion: false)
            {
                KillAfter = Duration.FromSeconds(1),
                Step = Duration.FromMilliseconds(200),
                GiveUpAfter = Duration.FromSeconds(30),
            };

            var report = await new DemoStory(world, settings, new StringWriter()).RunAsync(Token);

            Assert.Equal([JobPhase.Running, JobPhase.Killing, JobPhase.Killed], report.Phases);
            Assert.Equal(0, ForcedPodDeletes(emulator));
            Assert.Equal(3, report.GracefulDeletes);
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }
}
