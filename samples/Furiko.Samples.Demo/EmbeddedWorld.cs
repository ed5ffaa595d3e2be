using Furiko.Sdk.Testing.Emulator;
using k8s;
using NodaTime;
using NodaTime.Testing;

namespace Furiko.Samples.Demo;

/// <summary>
/// The demo's default world: the in-memory API emulator from Furiko.Sdk.Testing on a fake clock, so demo time
/// passes instantly; its simulated kubelets start and stop Pods, and a node can be made to stop responding.
/// </summary>
internal sealed class EmbeddedWorld : IDemoWorld
{
    private static readonly string[] NodeNames = ["node-a", "node-b", "node-c"];

    private readonly FakeClock _clock;
    private readonly k8s.Kubernetes _client;

    public EmbeddedWorld(Instant start)
    {
        _clock = new FakeClock(start);
        Emulator = new KubernetesEmulator(_clock, new KubernetesEmulatorOptions
        {
            // Kubelets start Pods a second after they are bound, and stop them two seconds into their grace period.
            KubeletStartDelay = Duration.FromSeconds(1),
            KubeletStopDelay = Duration.FromSeconds(2),
        });
        foreach (var node in NodeNames)
        {
            Emulator.AddNode(node);
        }

        _client = Emulator.CreateClient();
    }

    /// <summary>The emulator, for tests that inspect its request log.</summary>
    public KubernetesEmulator Emulator { get; }

    public IKubernetes Client => _client;

    public IClock Clock => _clock;

    public string Description => "the in-memory Kubernetes API emulator (no cluster), demo time accelerated";

    public Task<IReadOnlyList<string>> PickNodesAsync(int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Enumerable.Range(0, count).Select(i => NodeNames[i % NodeNames.Length]).ToArray());

    public bool StopNode(string nodeName)
    {
        Emulator.MarkNodeDown(nodeName);
        return true;
    }

    public Task PassAsync(Duration duration, CancellationToken cancellationToken)
    {
        _clock.Advance(duration);
        Emulator.ProcessDueWork();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
