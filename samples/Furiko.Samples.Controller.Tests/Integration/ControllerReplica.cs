using Furiko.Samples.Controller.Hosting;
using k8s;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Furiko.Samples.Controller.Tests.Integration;

/// <summary>
/// One replica of the sample controller, composed as Program.cs composes it (the shipped appsettings.json, then
/// <c>AddFurikoSampleController</c>) but with the emulator's client (requests tagged with the replica's identity), the
/// cluster's fake clock, and leader election timings short enough for tests (lease 2 s, renew deadline 1.5 s, retry
/// 0.2 s: KubernetesClient's elector runs on real time).
/// </summary>
internal sealed class ControllerReplica : IAsyncDisposable
{
    public const string LeaseNamespace = "furiko-sample";

    private readonly IHost _host;
    private bool _stopped;

    private ControllerReplica(IHost host, string identity)
    {
        _host = host;
        Identity = identity;
    }

    public string Identity { get; }

    public LeaderElectedController Controller => _host.Services.GetRequiredService<LeaderElectedController>();

    public bool IsLeading => Controller.IsLeading;

    public static async Task<ControllerReplica> StartAsync(
        TestCluster cluster,
        string identity,
        TimeSpan? shutdownTimeout = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        TimeProvider? time = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = "Testing",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "controller", "appsettings.json"), optional: false);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Controller:LeaderElection:Identity"] = identity,
            ["Controller:LeaderElection:LeaseNamespace"] = LeaseNamespace,
            ["Controller:LeaderElection:LeaseDuration"] = "00:00:02",
            ["Controller:LeaderElection:RenewDeadline"] = "00:00:01.5",
            ["Controller:LeaderElection:RetryPeriod"] = "00:00:00.2",
            ["Controller:RetryBaseDelay"] = "00:00:00.05",
            ["Controller:RetryMaxDelay"] = "00:00:01",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<IKubernetes>(cluster.CreateClient(identity));
        builder.Services.AddSingleton<IClock>(cluster.Clock);
        if (time is not null)
        {
            // The queue's delays and backoff (and the SDK's waits between retries) then move only when the test says.
            builder.Services.AddSingleton(time);
        }

        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = shutdownTimeout ?? TimeSpan.FromSeconds(10));
        builder.Services.AddFurikoSampleController(_ => null);

        var host = builder.Build();
        await host.StartAsync(TestCluster.Token);
        return new ControllerReplica(host, identity);
    }

    /// <summary>Stops the replica as a Pod's SIGTERM would (graceful, within the host's shutdown timeout).</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _host.StopAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
