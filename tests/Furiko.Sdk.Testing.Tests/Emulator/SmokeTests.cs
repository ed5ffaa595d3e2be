using Furiko.Sdk.Testing.Emulator;
using k8s;
using k8s.Models;

namespace Furiko.Sdk.Testing.Tests.Emulator;

public sealed class SmokeTests
{
    [Theory]
    [MemberData(nameof(EmulatorEnvironment.Transports), MemberType = typeof(EmulatorEnvironment))]
    public async Task A_created_pod_can_be_read_listed_and_watched(Transport transport)
    {
        await using var env = await EmulatorEnvironment.StartAsync(transport);
        var created = await env.Client.CoreV1.CreateNamespacedPodAsync(
            new V1Pod { Metadata = new V1ObjectMeta { Name = "p1" }, Spec = new V1PodSpec { Containers = [new V1Container { Name = "c", Image = "busybox" }] } },
            "default", cancellationToken: EmulatorEnvironment.Token);
        Assert.Equal("p1", created.Metadata.Name);
        var read = await env.Client.CoreV1.ReadNamespacedPodAsync("p1", "default", cancellationToken: EmulatorEnvironment.Token);
        Assert.Equal(created.Metadata.Uid, read.Metadata.Uid);
        var list = await env.Client.CoreV1.ListNamespacedPodAsync("default", cancellationToken: EmulatorEnvironment.Token);
        Assert.Single(list.Items);

        var events = new List<(WatchEventType, string)>();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(EmulatorEnvironment.Token);
        var watch = env.Client.CoreV1.ListNamespacedPodWithHttpMessagesAsync("default", watch: true, cancellationToken: cts.Token);
#pragma warning disable CS0618
        await foreach (var (type, pod) in watch.WatchAsync<V1Pod, V1PodList>(cancellationToken: cts.Token))
#pragma warning restore CS0618
        {
            events.Add((type, pod.Metadata.Name));
            if (events.Count == 1)
            {
                await env.Client.CoreV1.DeleteNamespacedPodAsync("p1", "default", cancellationToken: EmulatorEnvironment.Token);
            }
            else
            {
                break;
            }
        }

        Assert.Equal([(WatchEventType.Added, "p1"), (WatchEventType.Deleted, "p1")], events);
    }
}
