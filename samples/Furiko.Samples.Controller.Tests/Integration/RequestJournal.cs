using System.Text.Json.Nodes;

namespace Furiko.Samples.Controller.Tests.Integration;

/// <summary>
/// One request as a client sent it, tagged with who sent it (a replica's identity, or the test), and the status of
/// the answer (0 while it is in flight or when it was cancelled or failed). <see cref="Sequence"/> orders requests across
/// clients: it is taken when the request is sent.
/// </summary>
internal sealed record JournalEntry(long Sequence, string Source, string Method, string Path, string Query, string? Body)
{
    private int _statusCode;

    /// <summary>The HTTP status of the answer; 0 until it arrived, or when there was none.</summary>
    public int StatusCode
    {
        get => Volatile.Read(ref _statusCode);
        set => Volatile.Write(ref _statusCode, value);
    }

    /// <summary>What the request names, read from its path as the API server (and RBAC) reads it.</summary>
    public ApiAttributes Attributes { get; } = ApiAttributes.Read(Method, Path, Query);

    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>Whether the request concerns leader election (the Lease) rather than Jobs.</summary>
    public bool IsLease => Attributes.Resource == "leases";

    /// <summary>Whether the request changes something (any verb but get, list and watch).</summary>
    public bool IsWrite => Attributes.Verb is not ("get" or "list" or "watch");

    /// <summary>The <c>preconditions.uid</c> of a DELETE body: which Pod the delete was meant for.</summary>
    public string? PreconditionUid => Body is { Length: > 0 } ? JsonNode.Parse(Body)?["preconditions"]?["uid"]?.GetValue<string>() : null;

    public override string ToString() => $"#{Sequence} {Source}: {Method} {Path}{(Query.Length > 0 ? "?" + Query : "")} -> {StatusCode}";
}

/// <summary>
/// The request attributes RBAC decides on: verb, API group, resource, subresource, namespace (null for a cluster-wide
/// or all-namespaces request) and object name. Read from the URL alone, as the API server's request info resolver does.
/// </summary>
internal sealed record ApiAttributes(string Verb, string Group, string Resource, string? Subresource, string? Namespace, string? Name)
{
    /// <summary>The resource as an RBAC rule names it: <c>jobs</c>, or <c>jobs/status</c> for the subresource.</summary>
    public string RuleResource => Subresource is null ? Resource : Resource + "/" + Subresource;

    public static ApiAttributes Read(string method, string path, string query)
    {
        var segments = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        var (group, rest) = segments[0] == "api" ? ("", 2) : (segments[1], 3);
        var tail = segments[rest..];
        string? ns = null;
        if (tail.Length >= 3 && tail[0] == "namespaces")
        {
            ns = tail[1];
            tail = tail[2..];
        }

        var resource = tail[0];
        var name = tail.Length > 1 ? tail[1] : null;
        var subresource = tail.Length > 2 ? tail[2] : null;
        var watch = query.Split('&').Contains("watch=true", StringComparer.Ordinal);
        var verb = method switch
        {
            "GET" when watch => "watch",
            "GET" when name is not null => "get",
            "GET" => "list",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" when name is not null => "delete",
            "DELETE" => "deletecollection",
            _ => method.ToLowerInvariant(),
        };
        return new ApiAttributes(verb, group, resource, subresource, ns, name);
    }

    public override string ToString() =>
        $"{Verb} {(Group.Length == 0 ? "core" : Group)}/{RuleResource}{(Name is null ? "" : " " + Name)} in {(Namespace is null ? "all namespaces" : "namespace " + Namespace)}";
}

/// <summary>Every request of every client made through <see cref="CreateHandler"/>, in the order they were sent. Thread-safe.</summary>
internal sealed class RequestJournal
{
    private readonly List<JournalEntry> _entries = [];
    private long _sequence;

    public IReadOnlyList<JournalEntry> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>The sequence number the next request will get: requests sent from now on have this or a higher one.</summary>
    public long Mark => Interlocked.Read(ref _sequence) + 1;

    public IReadOnlyList<JournalEntry> From(string source) => [.. Entries.Where(e => e.Source == source)];

    /// <summary>A handler that tags every request it passes on with <paramref name="source"/>.</summary>
    public DelegatingHandler CreateHandler(string source) => new TaggingHandler(this, source);

    private JournalEntry Add(string source, HttpRequestMessage request, string? body)
    {
        lock (_entries)
        {
            var entry = new JournalEntry(++_sequence, source, request.Method.Method, request.RequestUri!.AbsolutePath, request.RequestUri.Query.TrimStart('?'), body);
            _entries.Add(entry);
            return entry;
        }
    }

    private sealed class TaggingHandler(RequestJournal journal, string source) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            var entry = journal.Add(source, request, body);
            var response = await base.SendAsync(request, cancellationToken);
            entry.StatusCode = (int)response.StatusCode;
            return response;
        }
    }
}
