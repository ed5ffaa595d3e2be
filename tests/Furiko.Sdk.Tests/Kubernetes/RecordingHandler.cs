using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Text;
using k8s;

namespace Furiko.Sdk.Tests.Kubernetes;

/// <summary>What a test saw on the wire: one request as KubernetesClient sent it.</summary>
internal sealed record RecordedRequest(string Method, string PathAndQuery, string? ContentType, string? Body, IReadOnlyDictionary<string, string> Headers)
{
    public string Path => PathAndQuery.Split('?')[0];

    public string Query => PathAndQuery.Contains('?', StringComparison.Ordinal) ? PathAndQuery[(PathAndQuery.IndexOf('?', StringComparison.Ordinal) + 1)..] : string.Empty;
}

/// <summary>
/// A fake API server behind a real <c>k8s.Kubernetes</c>: records every request and answers from a queue of
/// canned responses (or throws a queued exception, as a broken connection would). Thread-safe.
/// </summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, HttpResponseMessage>> _answers = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly SemaphoreSlim _arrived = new(0);

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>A real KubernetesClient whose every request goes to this handler.</summary>
    public k8s.Kubernetes CreateClient() => new(new KubernetesClientConfiguration { Host = "http://kube.test" }, this);

    public RecordingHandler Answer(HttpStatusCode status, string? body = null, params (string Name, string Value)[] headers)
    {
        _answers.Enqueue(_ =>
        {
            var response = new HttpResponseMessage(status)
            {
                Content = new StringContent(body ?? string.Empty, Encoding.UTF8, "application/json"),
            };
            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return response;
        });
        return this;
    }

    public RecordingHandler AnswerJson(string body) => Answer(HttpStatusCode.OK, body);

    /// <summary>A watch stream: the lines, then the end of the stream.</summary>
    public RecordingHandler AnswerStream(params string[] lines) =>
        Answer(HttpStatusCode.OK, lines.Length == 0 ? string.Empty : string.Join("\n", lines) + "\n");

    public RecordingHandler Fail(Exception error)
    {
        _answers.Enqueue(_ => throw error);
        return this;
    }

    /// <summary>Waits until at least this many requests arrived (bounded, so a broken test fails instead of hanging).</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Requests.Count < count)
        {
            await _arrived.WaitAsync(timeout.Token);
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        lock (_requests)
        {
            _requests.Add(new RecordedRequest(
                request.Method.Method,
                request.RequestUri!.PathAndQuery,
                request.Content?.Headers.ContentType?.ToString(),
                body,
                headers));
        }

        _arrived.Release();
        if (!_answers.TryDequeue(out var answer))
        {
            throw new InvalidOperationException($"The test gave no answer for request {_requests.Count}: {request.Method} {request.RequestUri}");
        }

        var response = answer(request);
        response.RequestMessage = request;
        return response;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _arrived.Dispose();
        }

        base.Dispose(disposing);
    }
}
