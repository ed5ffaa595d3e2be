using Furiko.Sdk.Testing.Emulator;
using k8s;
using k8s.Models;
using NodaTime.Testing;
using static Furiko.Sdk.Testing.Tests.Emulator.TestObjects;

namespace Furiko.Sdk.Testing.Tests.Emulator;

public sealed class HttpServerTests
{
    private static CancellationToken Token => EmulatorEnvironment.Token;

    [Fact]
    public async Task The_server_listens_on_the_loopback_address_at_a_free_port()
    {
        var emulator = new KubernetesEmulator(new FakeClock(EmulatorEnvironment.Start));
        await using var first = await emulator.StartServerAsync(Token);
        await using var second = await emulator.StartServerAsync(Token);

        Assert.Equal("127.0.0.1", first.BaseAddress.Host);
        Assert.NotEqual(0, first.Port);
        Assert.NotEqual(first.Port, second.Port);
    }

    [Fact]
    public async Task A_written_kubeconfig_points_a_client_at_the_server_with_its_namespace()
    {
        var emulator = new KubernetesEmulator(new FakeClock(EmulatorEnvironment.Start));
        await using var server = await emulator.StartServerAsync(Token);
        var path = Path.Combine(Path.GetTempPath(), $"emulator-{Guid.NewGuid():N}.kubeconfig");
        try
        {
            server.WriteKubeconfig(path, "team-a", "test-context");

            var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(path);
            using var client = new k8s.Kubernetes(config);
            await client.CoreV1.CreateNamespacedPodAsync(Pod("p1", ns: config.Namespace), config.Namespace, cancellationToken: Token);

            Assert.Equal(server.BaseAddress.ToString().TrimEnd('/'), config.Host.TrimEnd('/'));
            Assert.Equal("test-context", config.CurrentContext);
            Assert.Equal("team-a", config.Namespace);
            Assert.NotNull(emulator.Get<V1Pod>("team-a", "p1"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Both_transports_see_the_same_emulator()
    {
        await using var env = await EmulatorEnvironment.StartAsync(Transport.Http);
        using var inProcess = env.Emulator.CreateClient();

        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token);

        Assert.Equal("p1", (await inProcess.CoreV1.ReadNamespacedPodAsync("p1", Ns, cancellationToken: Token)).Metadata.Name);
    }

    [Fact]
    public async Task Stopping_the_server_ends_its_watches_and_closes_the_port()
    {
        var emulator = new KubernetesEmulator(new FakeClock(EmulatorEnvironment.Start));
        emulator.AddRunningPod(Ns, "p1", "node-a");
        var server = await emulator.StartServerAsync(Token);
        using var client = server.CreateClient();
        await using var watch = WatchRecorder<V1Pod>.Start(ct => client.CoreV1.ListNamespacedPodWithHttpMessagesAsync(Ns, watch: true, cancellationToken: ct));
        await watch.NextAsync();

        await server.DisposeAsync();

        await watch.Ended.WaitAsync(TimeSpan.FromSeconds(10), Token);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.CoreV1.ListNamespacedPodAsync(Ns, cancellationToken: Token));
    }

    [Fact]
    public async Task Non_resource_paths_answer_version_and_health()
    {
        await using var env = await EmulatorEnvironment.StartAsync(Transport.Http);

        var version = await env.Client.Version.GetCodeAsync(Token);
        using var http = new HttpClient { BaseAddress = env.Server!.BaseAddress };

        Assert.Equal("1", version.Major);
        Assert.Equal("\"ok\"", await http.GetStringAsync("healthz", Token));
    }
}
