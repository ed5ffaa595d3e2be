using Furiko.Sdk.Testing.Emulator;
using k8s;
using NodaTime;
using NodaTime.Testing;

namespace Furiko.Sdk.Testing.Tests.Emulator;

/// <summary>
/// An emulator on a fake clock and a real KubernetesClient talking to it over the chosen transport. Dispose it to
/// stop the HTTP server (if any) and the client.
/// </summary>
internal sealed class EmulatorEnvironment : IAsyncDisposable
{
    public static readonly Instant Start = Instant.FromUtc(2024, 5, 1, 12, 0, 0);

    private EmulatorEnvironment(FakeClock clock, KubernetesEmulator emulator, k8s.Kubernetes client, KubernetesEmulatorServer? server)
    {
        Clock = clock;
        Emulator = emulator;
        Client = client;
        Server = server;
    }

    public static TheoryData<Transport> Transports => [Transport.InProcess, Transport.Http];

    public FakeClock Clock { get; }

    public KubernetesEmulator Emulator { get; }

    public k8s.Kubernetes Client { get; }

    public KubernetesEmulatorServer? Server { get; }

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<EmulatorEnvironment> StartAsync(Transport transport = Transport.InProcess, KubernetesEmulatorOptions? options = null)
    {
        var clock = new FakeClock(Start);
        var emulator = new KubernetesEmulator(clock, options);
        if (transport == Transport.InProcess)
        {
            return new EmulatorEnvironment(clock, emulator, emulator.CreateClient(), null);
        }

        var server = await emulator.StartServerAsync(Token);
        return new EmulatorEnvironment(clock, emulator, server.CreateClient(), server);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
