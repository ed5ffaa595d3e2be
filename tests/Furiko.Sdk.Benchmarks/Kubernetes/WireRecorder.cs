using System.Collections.Concurrent;

namespace Furiko.Sdk.Benchmarks.Kubernetes;

/// <summary>
/// A client-side handler that notes every request a KubernetesClient sends (method, path, query, body) before passing
/// it on, so the requests of the SDK and of the floor can be compared body for body. Thread-safe.
/// </summary>
public sealed class WireRecorder : DelegatingHandler
{
    private readonly ConcurrentQueue<WireRequest> _requests = new();

    /// <summary>The requests sent so far, in the order they were sent.</summary>
    public IReadOnlyList<WireRequest> Requests => [.. _requests];

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var uri = request.RequestUri!;
        _requests.Enqueue(new WireRequest(request.Method.Method, uri.AbsolutePath, uri.Query.TrimStart('?'), body));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
