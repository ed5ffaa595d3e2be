using k8s;
using k8s.Models;
using static Furiko.Sdk.Testing.Tests.Emulator.TestObjects;

namespace Furiko.Sdk.Testing.Tests.Emulator;

public sealed class ConcurrencyTests
{
    private static CancellationToken Token => EmulatorEnvironment.Token;

    [Theory]
    [MemberData(nameof(EmulatorEnvironment.Transports), MemberType = typeof(EmulatorEnvironment))]
    public async Task Concurrent_writers_get_distinct_names_and_versions_and_a_watch_sees_them_in_version_order(Transport transport)
    {
        const int Writers = 40;
        await using var env = await EmulatorEnvironment.StartAsync(transport);
        var from = env.Emulator.CurrentResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var watch = WatchRecorder<V1Pod>.Start(ct => env.Client.CoreV1.ListNamespacedPodWithHttpMessagesAsync(Ns, watch: true, resourceVersion: from, cancellationToken: ct));
        var template = new V1Pod
        {
            Metadata = new V1ObjectMeta { GenerateName = "w-" },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "main", Image = "busybox" }] },
        };

        var created = await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(
            () => env.Client.CoreV1.CreateNamespacedPodAsync(template, Ns, cancellationToken: Token), Token)));
        var seen = new List<long>();
        for (var i = 0; i < Writers; i++)
        {
            seen.Add(Rv((await watch.NextAsync()).Object.Metadata.ResourceVersion));
        }

        Assert.Equal(Writers, created.Select(p => p.Metadata.Name).Distinct().Count());
        Assert.Equal(Writers, created.Select(p => p.Metadata.ResourceVersion).Distinct().Count());
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(created.Select(p => Rv(p.Metadata.ResourceVersion)).Order(), seen);
    }

    [Fact]
    public async Task Of_two_concurrent_replaces_from_the_same_version_exactly_one_wins()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var pod = await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            var copy = KubernetesJson.Deserialize<V1Pod>(KubernetesJson.Serialize(pod));
            copy.Metadata.Labels = new Dictionary<string, string> { ["writer"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            try
            {
                await env.Client.CoreV1.ReplaceNamespacedPodAsync(copy, "p1", Ns, cancellationToken: Token);
                return true;
            }
            catch (k8s.Autorest.HttpOperationException ex) when (ex.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
            {
                return false;
            }
        }, Token)));

        Assert.Single(attempts, won => won);
    }
}
