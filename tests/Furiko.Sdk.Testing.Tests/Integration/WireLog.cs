using System.Net.Http;
using System.Text.Json.Nodes;

namespace Furiko.Sdk.Testing.Tests.Integration;

/// <summary>One request as the SDK sent it and what came back, seen in front of the emulator.</summary>
internal sealed record WireRecord(string Method, string Path, string Query, string? Body, int StatusCode)
{
    /// <summary>The last path segment: the object name (or the subresource).</summary>
    public string LastSegment => Path[(Path.LastIndexOf('/') + 1)..];

    public bool IsPodDelete => Method == "DELETE" && Path.Contains("/pods/", StringComparison.Ordinal);

    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>The <c>preconditions.uid</c> of a DELETE body.</summary>
    public string? PreconditionUid => Body is { Length: > 0 } ? JsonNode.Parse(Body)?["preconditions"]?["uid"]?.GetValue<string>() : null;

    /// <summary>The <c>gracePeriodSeconds</c> of a DELETE body, or null when the body leaves it to the Pod.</summary>
    public long? GracePeriodSeconds => Body is { Length: > 0 } ? JsonNode.Parse(Body)?["gracePeriodSeconds"]?.GetValue<long>() : null;

    public bool IsForced => GracePeriodSeconds == 0;
}

/// <summary>
/// A handler between KubernetesClient and the emulator: records every request with its body and the status of
/// its answer (0 when it threw), and lets a test act just before a request goes on (to make a concurrent change)
/// or just after an answer comes back (to abandon a pass). Thread-safe.
/// </summary>
internal sealed class WireLog : DelegatingHandler
{
    private readonly List<WireRecord> _records = [];

    /// <summary>Runs before a request is passed on; may change the cluster through another client.</summary>
    public Func<HttpRequestMessage, string?, Task>? BeforeSend { get; set; }

    /// <summary>Runs after an answer came back.</summary>
    public Action<WireRecord>? AfterAnswer { get; set; }

    public IReadOnlyList<WireRecord> Records
    {
        get
        {
            lock (_records)
            {
                return [.. _records];
            }
        }
    }

    public IReadOnlyList<WireRecord> PodDeletes => [.. Records.Where(r => r.IsPodDelete)];

    public IReadOnlyList<WireRecord> StatusWrites => [.. Records.Where(r => r.Method == "PUT" && r.Path.EndsWith("/status", StringComparison.Ordinal))];

    /// <summary>Requests that change something: every method but GET.</summary>
    public IReadOnlyList<WireRecord> Writes => [.. Records.Where(r => r.Method != "GET")];

    public void Clear()
    {
        lock (_records)
        {
            _records.Clear();
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        if (BeforeSend is { } before)
        {
            await before(request, body);
        }

        var uri = request.RequestUri!;
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch
        {
            Add(new WireRecord(request.Method.Method, uri.AbsolutePath, uri.Query.TrimStart('?'), body, 0));
            throw;
        }

        var record = new WireRecord(request.Method.Method, uri.AbsolutePath, uri.Query.TrimStart('?'), body, (int)response.StatusCode);
        Add(record);
        AfterAnswer?.Invoke(record);
        return response;
    }

    private void Add(WireRecord record)
    {
        lock (_records)
        {
            _records.Add(record);
        }
    }
}
