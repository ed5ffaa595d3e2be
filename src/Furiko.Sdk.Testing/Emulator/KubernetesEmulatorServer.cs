using System.Net;
using System.Text;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>
/// The emulator served over real HTTP on <c>127.0.0.1</c> (a free port chosen at start) by ASP.NET Core Kestrel,
/// for code that must be configured with a URL or a kubeconfig file (command-line tools). It answers from the same
/// <see cref="KubernetesEmulator"/> as the in-process handler. Start it with
/// <see cref="KubernetesEmulator.StartServerAsync"/>; stop it with <see cref="DisposeAsync"/>, which also ends every
/// open watch stream. Thread-safe.
/// </summary>
public sealed class KubernetesEmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;
    private int _stopped;

    private KubernetesEmulatorServer(WebApplication app, CancellationTokenSource stopping, Uri baseAddress)
    {
        _app = app;
        _stopping = stopping;
        BaseAddress = baseAddress;
    }

    /// <summary>The server's address, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The TCP port the server listens on.</summary>
    public int Port => BaseAddress.Port;

    internal static async Task<KubernetesEmulatorServer> StartAsync(ApiServer core, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var app = builder.Build();
        var stopping = new CancellationTokenSource();
        app.Run(context => ServeAsync(core, context, stopping.Token));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            stopping.Dispose();
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new KubernetesEmulatorServer(app, stopping, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>A KubernetesClient configuration pointing at this server.</summary>
    /// <returns>The configuration (no credentials: the emulator checks none).</returns>
    public KubernetesClientConfiguration CreateClientConfiguration() => new() { Host = BaseAddress.ToString().TrimEnd('/') };

    /// <summary>A KubernetesClient that talks to this server over HTTP. The caller disposes it.</summary>
    /// <returns>The client.</returns>
    public k8s.Kubernetes CreateClient() => new(CreateClientConfiguration());

    /// <summary>
    /// Writes a kubeconfig file whose current context points at this server, for tools that read
    /// <c>KUBECONFIG</c> or take a <c>--kubeconfig</c> path.
    /// </summary>
    /// <param name="path">The file to write (created or replaced).</param>
    /// <param name="namespace">The context's namespace.</param>
    /// <param name="contextName">The name of the context, cluster and user entries.</param>
    /// <returns>The path written.</returns>
    public string WriteKubeconfig(string path, string @namespace = "default", string contextName = "furiko-emulator")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(@namespace);
        ArgumentException.ThrowIfNullOrWhiteSpace(contextName);
        File.WriteAllText(path, KubeconfigText.For(BaseAddress.ToString().TrimEnd('/'), @namespace, contextName), new UTF8Encoding(false));
        return path;
    }

    /// <summary>Stops the server: open watches end, then the listener closes.</summary>
    /// <param name="cancellationToken">Abandons a graceful stop.</param>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private static async Task ServeAsync(ApiServer core, HttpContext context, CancellationToken stopping)
    {
        var request = context.Request;
        using var bodyBuffer = new MemoryStream();
        await request.Body.CopyToAsync(bodyBuffer, context.RequestAborted).ConfigureAwait(false);
        var apiRequest = new ApiRequest(request.Method, request.Path.Value ?? "/", request.QueryString.Value, request.ContentType, bodyBuffer.ToArray());
        var answer = await core.HandleAsync(apiRequest, context.RequestAborted).ConfigureAwait(false);
        if (answer.DropConnection)
        {
            context.Abort();
            return;
        }

        var response = context.Response;
        response.StatusCode = answer.StatusCode;
        response.ContentType = "application/json";
        if (answer.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = retryAfter;
        }

        if (answer.Watch is not { } watch)
        {
            await response.WriteAsync(answer.Body ?? "", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        using (watch)
        using (var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping))
        {
            try
            {
                await response.StartAsync(ended.Token).ConfigureAwait(false);
                while (await watch.Lines.WaitToReadAsync(ended.Token).ConfigureAwait(false))
                {
                    while (watch.Lines.TryRead(out var line))
                    {
                        await response.WriteAsync(line + "\n", ended.Token).ConfigureAwait(false);
                    }

                    await response.Body.FlushAsync(ended.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (ended.IsCancellationRequested)
            {
                // The client went away or the server is stopping: the watch simply ends.
            }
        }
    }
}
