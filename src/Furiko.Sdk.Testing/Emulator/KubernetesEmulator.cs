using k8s;
using NodaTime;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>
/// An in-memory Kubernetes API server for tests. It follows the real API server's rules where code can tell the
/// difference: resourceVersion conflicts, the status subresource, finalizers, graceful Pod deletion by simulated
/// kubelets, label and field selectors, paginated lists, and watches that stream events and answer 410 Expired
/// for a resourceVersion older than the kept history. It serves core v1 Pods, Events and Nodes, events.k8s.io
/// Events, coordination.k8s.io Leases and Furiko's Jobs and JobConfigs (see <see cref="EmulatedResource"/>).
/// </summary>
/// <remarks>
/// <para>
/// Talk to it with real KubernetesClient calls, either in process through <see cref="CreateClient"/> (or
/// <see cref="CreateHandler"/>), or over HTTP on 127.0.0.1 through <see cref="StartServerAsync"/>.
/// </para>
/// <para>
/// Time comes from the <see cref="IClock"/> given at construction (a <c>FakeClock</c> in tests): it stamps
/// <c>creationTimestamp</c> and <c>deletionTimestamp</c> and decides when kubelets act. Time-driven work runs
/// at the start of every request and when <see cref="ProcessDueWork"/> is called; nothing happens in the
/// background, so advancing the clock changes nothing until one of those.
/// </para>
/// <para>Thread-safe: requests from many clients and threads are serialized like transactions.</para>
/// </remarks>
public sealed partial class KubernetesEmulator
{
    private readonly ApiServer _server;

    /// <summary>Creates an empty emulator (no objects, no nodes).</summary>
    /// <param name="clock">The emulator's clock.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <exception cref="ArgumentException">An option is out of range; the message names each.</exception>
    public KubernetesEmulator(IClock clock, KubernetesEmulatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        options ??= new KubernetesEmulatorOptions();
        options.Validate();
        Clock = clock;
        _server = new ApiServer(clock, options);
    }

    /// <summary>The host name in-process clients use; any host works, this one is a reminder that no socket is involved.</summary>
    public static Uri InProcessHost { get; } = new("http://emulator.local");

    /// <summary>The emulator's clock.</summary>
    public IClock Clock { get; }

    /// <summary>The settings the emulator was created with.</summary>
    public KubernetesEmulatorOptions Options => _server.Options;

    /// <summary>The resources this emulator serves.</summary>
    public IReadOnlyList<EmulatedResource> Resources => [.. _server.Registry.All];

    /// <summary>The resourceVersion of the latest change (the value a list now reports).</summary>
    public long CurrentResourceVersion => _server.CurrentResourceVersion;

    /// <summary>
    /// A new handler that answers requests from this emulator in process (it never calls its inner handler). Pass
    /// it to <c>new Kubernetes(new KubernetesClientConfiguration { Host = "http://emulator.local" }, handler)</c>.
    /// Each Kubernetes client needs its own handler.
    /// </summary>
    /// <returns>The handler.</returns>
    public DelegatingHandler CreateHandler() => new InProcessHandler(_server);

    /// <summary>A KubernetesClient that talks to this emulator in process. The caller disposes it.</summary>
    /// <returns>The client.</returns>
    public k8s.Kubernetes CreateClient() => new(new KubernetesClientConfiguration { Host = InProcessHost.ToString().TrimEnd('/') }, CreateHandler());

    /// <summary>Starts serving this emulator over HTTP on 127.0.0.1 at a free port.</summary>
    /// <param name="cancellationToken">Abandons the start.</param>
    /// <returns>The running server; dispose it to stop it.</returns>
    public Task<KubernetesEmulatorServer> StartServerAsync(CancellationToken cancellationToken = default) =>
        KubernetesEmulatorServer.StartAsync(_server, cancellationToken);

    /// <summary>
    /// Carries out every time-driven transition that is due by the clock's current time (kubelets stopping the
    /// containers of gracefully deleted Pods and removing them), emitting watch events for each change. The same
    /// runs at the start of every request; call this after advancing a fake clock to see the effect without one.
    /// </summary>
    /// <returns>How many Pods a kubelet acted on.</returns>
    public int ProcessDueWork() => _server.ProcessDueWork();

    /// <summary>
    /// Ends every open watch stream, as an API server does when a watch times out or the server restarts, so a test
    /// can check that a watcher reconnects. Clients see their streams end normally.
    /// </summary>
    /// <returns>How many watches were closed.</returns>
    public int CloseWatches() => _server.CloseWatches();

    /// <summary>How many watches are open (for tests of the emulator itself).</summary>
    internal int OpenWatchCount => _server.OpenWatchCount;
}
