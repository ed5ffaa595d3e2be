using Furiko.Sdk.Testing.Emulator;
using k8s;
using k8s.Models;
using NodaTime;
using static Furiko.Sdk.Testing.Tests.Emulator.TestObjects;

namespace Furiko.Sdk.Testing.Tests.Emulator;

/// <summary>
/// The kubelets act only on the Pods whose time has come (an agenda kept beside the store, not a scan of every Pod
/// per request); these pin that they still act exactly as a scan would: in name order, once per Pod, whatever was
/// written to the Pod or to the nodes in between.
/// </summary>
public sealed class KubeletAgendaTests
{
    private static CancellationToken Token => EmulatorEnvironment.Token;

    [Fact]
    public async Task Pods_that_fall_due_together_are_stopped_in_name_order_not_in_the_order_they_fell_due()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        foreach (var name in new[] { "p1", "p2", "p3" })
        {
            // A finalizer keeps each stopped Pod, so its resourceVersion tells when it was stopped.
            var pod = Pod(name, nodeName: "node-a");
            pod.Metadata.Finalizers = ["example.com/keep"];
            env.Emulator.AddRunningPod(pod);
        }

        foreach (var name in new[] { "p3", "p2", "p1" })
        {
            await env.Client.CoreV1.DeleteNamespacedPodAsync(name, Ns, cancellationToken: Token);
            env.Clock.Advance(Duration.FromMilliseconds(100));
        }

        env.Clock.Advance(Duration.FromSeconds(1));
        Assert.Equal(3, env.Emulator.ProcessDueWork());

        var versions = new[] { "p1", "p2", "p3" }.Select(name => Rv(env.Emulator.Get<V1Pod>(Ns, name)!.Metadata.ResourceVersion)).ToArray();
        Assert.Equal(versions.Order(), versions);
        Assert.All(new[] { "p1", "p2", "p3" }, name => Assert.Equal("Failed", env.Emulator.Get<V1Pod>(Ns, name)!.Status.Phase));
    }

    [Fact]
    public async Task A_terminating_pod_written_again_while_it_waits_is_stopped_once_at_its_time()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        env.Emulator.AddRunningPod(Ns, "p1", "node-a");
        await env.Client.CoreV1.DeleteNamespacedPodAsync("p1", Ns, cancellationToken: Token);
        await env.Client.CoreV1.PatchNamespacedPodAsync(
            new V1Patch("{\"metadata\":{\"labels\":{\"seen\":\"yes\"}}}", V1Patch.PatchType.MergePatch), "p1", Ns, cancellationToken: Token);

        env.Clock.Advance(Duration.FromMilliseconds(999));
        Assert.Equal(0, env.Emulator.ProcessDueWork());
        env.Clock.Advance(Duration.FromMilliseconds(1));
        Assert.Equal(1, env.Emulator.ProcessDueWork());
        Assert.Equal(0, env.Emulator.ProcessDueWork());
        Assert.Null(env.Emulator.Get<V1Pod>(Ns, "p1"));
    }

    [Fact]
    public async Task A_terminating_pod_on_a_missing_node_is_stopped_once_the_node_is_added()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1", nodeName: "late"), Ns, cancellationToken: Token);
        await env.Client.CoreV1.DeleteNamespacedPodAsync("p1", Ns, cancellationToken: Token);
        env.Clock.Advance(Duration.FromMinutes(1));
        Assert.Equal(0, env.Emulator.ProcessDueWork());

        env.Emulator.AddNode("late");

        Assert.Equal(1, env.Emulator.ProcessDueWork());
        Assert.Null(env.Emulator.Get<V1Pod>(Ns, "p1"));
    }

    [Fact]
    public async Task A_node_marked_down_before_the_pods_time_keeps_it_and_marked_up_again_releases_it()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        env.Emulator.AddRunningPod(Ns, "p1", "node-a");
        await env.Client.CoreV1.DeleteNamespacedPodAsync("p1", Ns, cancellationToken: Token);

        env.Emulator.MarkNodeDown("node-a");
        env.Clock.Advance(Duration.FromSeconds(5));
        Assert.Equal(0, env.Emulator.ProcessDueWork());
        env.Emulator.MarkNodeDown("node-a"); // again: the Node does not change, the kubelet stays down
        Assert.Equal(0, env.Emulator.ProcessDueWork());
        env.Emulator.MarkNodeUp("node-a");

        Assert.Equal(1, env.Emulator.ProcessDueWork());
        Assert.Null(env.Emulator.Get<V1Pod>(Ns, "p1"));
    }

    [Fact]
    public async Task Many_waiting_pods_are_stopped_each_once_when_their_times_come()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        const int count = 300;
        for (var i = 0; i < count; i++)
        {
            env.Emulator.AddRunningPod(Ns, $"p{i:D3}", $"node-{i % 7}");
        }

        // Half are deleted now, half two seconds later; every request in between writes Pods again.
        for (var i = 0; i < count; i += 2)
        {
            await env.Client.CoreV1.DeleteNamespacedPodAsync($"p{i:D3}", Ns, cancellationToken: Token);
        }

        env.Clock.Advance(Duration.FromSeconds(2));
        for (var i = 1; i < count; i += 2)
        {
            await env.Client.CoreV1.DeleteNamespacedPodAsync($"p{i:D3}", Ns, cancellationToken: Token);
        }

        Assert.Equal(count / 2, env.Emulator.List<V1Pod>(Ns).Count);
        Assert.All(env.Emulator.List<V1Pod>(Ns), pod => Assert.Equal(1, int.Parse(pod.Metadata.Name[1..], System.Globalization.CultureInfo.InvariantCulture) % 2));
        env.Clock.Advance(Duration.FromSeconds(1));
        Assert.Equal(count / 2, env.Emulator.ProcessDueWork());
        Assert.Empty(env.Emulator.List<V1Pod>(Ns));
    }
}
