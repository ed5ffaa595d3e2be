using Microsoft.AspNetCore.WebUtilities;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>A request as both transports hand it to the shared core: method, path, query, content type and body.</summary>
internal sealed class ApiRequest
{
    private readonly Dictionary<string, string> _query;

    public ApiRequest(string method, string path, string? query, string? contentType, byte[] body)
    {
        Method = method.ToUpperInvariant();
        Path = path;
        Query = (query ?? "").TrimStart('?');
        ContentType = contentType;
        Body = body;
        _query = QueryHelpers.ParseQuery(Query).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
    }

    public string Method { get; }

    public string Path { get; }

    /// <summary>The raw query string without the leading <c>?</c>.</summary>
    public string Query { get; }

    public string? ContentType { get; }

    public byte[] Body { get; }

    /// <summary>A query parameter's value, or null when absent.</summary>
    public string? Parameter(string name) => _query.TryGetValue(name, out var value) ? value : null;

    public bool IsWatch => Parameter("watch") is "true" or "1";
}
