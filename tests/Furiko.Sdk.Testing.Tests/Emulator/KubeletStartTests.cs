using Furiko.Sdk.Testing.Emulator;
using k8s;
using k8s.Models;
using NodaTime;
using static Furiko.Sdk.Testing.Tests.Emulator.TestObjects;

namespace Furiko.Sdk.Testing.Tests.Emulator;

/// <summary>With <see cref="KubernetesEmulatorOptions.KubeletStartDelay"/>, kubelets start Pods created through the API.</summary>
public sealed class KubeletStartTests
{
    private static CancellationToken Token => EmulatorEnvironment.Token;

    private static V1Pod Bound(string name, string node)
    {
        var pod = Pod(name);
        pod.Spec.NodeName = node;
        return pod;
    }

    [Fact]
    public async Task A_pod_on_a_healthy_node_runs_once_the_start_delay_has_passed()
    {
        await using var env = await EmulatorEnvironment.StartAsync(options: new KubernetesEmulatorOptions { KubeletStartDelay = Duration.FromSeconds(2) });
        env.Emulator.AddNode("node-a");
        await env.Client.CoreV1.CreateNamespacedPodAsync(Bound("p1", "node-a"), Ns, cancellationToken: Token);

        env.Clock.AdvanceSeconds(1);
        Assert.Equal("Pending", (await env.Client.CoreV1.ReadNamespacedPodAsync("p1", Ns, cancellationToken: Token)).Status?.Phase ?? "Pending");

        env.Clock.AdvanceSeconds(1);
        var pod = await env.Client.CoreV1.ReadNamespacedPodAsync("p1", Ns, cancellationToken: Token);
        Assert.Equal("Running", pod.Status.Phase);
        Assert.All(pod.Status.ContainerStatuses, status => Assert.NotNull(status.State.Running?.StartedAt));
    }

    [Fact]
    public async Task Pods_without_a_node_or_on_a_node_down_are_never_started()
    {
        await using var env = await EmulatorEnvironment.StartAsync(options: new KubernetesEmulatorOptions { KubeletStartDelay = Duration.Zero });
        env.Emulator.AddNode("node-a");
        env.Emulator.MarkNodeDown("node-a");
        await env.Client.CoreV1.CreateNamespacedPodAsync(Bound("down", "node-a"), Ns, cancellationToken: Token);
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("unbound"), Ns, cancellationToken: Token);

        env.Clock.AdvanceSeconds(60);
        env.Emulator.ProcessDueWork();

        Assert.NotEqual("Running", env.Emulator.Get<V1Pod>(Ns, "down")!.Status?.Phase);
        Assert.NotEqual("Running", env.Emulator.Get<V1Pod>(Ns, "unbound")!.Status?.Phase);
    }

    [Fact]
    public async Task Without_the_option_pods_created_through_the_api_stay_pending()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        env.Emulator.AddNode("node-a");
        await env.Client.CoreV1.CreateNamespacedPodAsync(Bound("p1", "node-a"), Ns, cancellationToken: Token);

        env.Clock.AdvanceSeconds(600);
        env.Emulator.ProcessDueWork();

        Assert.NotEqual("Running", env.Emulator.Get<V1Pod>(Ns, "p1")!.Status?.Phase);
    }

    [Fact]
    public void A_negative_start_delay_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new KubernetesEmulator(new NodaTime.Testing.FakeClock(EmulatorEnvironment.Start), new KubernetesEmulatorOptions { KubeletStartDelay = Duration.FromSeconds(-1) }));

        Assert.Contains("KubeletStartDelay", error.Message, StringComparison.Ordinal);
    }
}
