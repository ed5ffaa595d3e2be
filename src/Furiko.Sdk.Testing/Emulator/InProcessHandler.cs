using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>
/// The in-process transport: a <see cref="DelegatingHandler"/> that answers every request from the emulator
/// without calling its inner handler, so no socket is opened. Watch responses stream their events as they are
/// committed. Thread-safe; one instance per <c>Kubernetes</c> client (the client sets its inner handler).
/// </summary>
internal sealed class InProcessHandler : DelegatingHandler
{
    private readonly ApiServer _server;

    public InProcessHandler(ApiServer server) => _server = server;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var apiRequest = new ApiRequest(request.Method.Method, uri.AbsolutePath, uri.Query, request.Content?.Headers.ContentType?.ToString(), body);
        var answer = await _server.HandleAsync(apiRequest, cancellationToken).ConfigureAwait(false);
        if (answer.DropConnection)
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError, "The emulator dropped the connection (an injected fault).",
                new IOException("The connection was closed by the emulator before a response was sent."));
        }

        var response = new HttpResponseMessage((HttpStatusCode)answer.StatusCode) { RequestMessage = request, Version = request.Version };
        response.Content = answer.Watch is { } watch
            ? new StreamContent(new WatchEventStream(watch))
            : new StringContent(answer.Body ?? "", Encoding.UTF8);
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (answer.RetryAfter is { } retryAfter)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        return response;
    }
}
