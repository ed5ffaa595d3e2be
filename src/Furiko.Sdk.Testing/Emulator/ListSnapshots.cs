using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>
/// Keeps the state a paginated list started from, so every page of one list is read from the same
/// resourceVersion, as etcd serves continue tokens. The token has the real server's shape (base64 of
/// <c>{"v":"meta.k8s.io/v1","rv":N,"start":"key\u0000"}</c>). A bounded number of snapshots is kept; a token
/// whose snapshot is gone answers 410 Expired, like a compacted revision. Not thread-safe: the caller holds the
/// server's lock.
/// </summary>
internal sealed class ListSnapshots
{
    private const int Capacity = 64;
    private readonly Dictionary<(EmulatedResource, long), List<KeyValuePair<string, JsonObject>>> _snapshots = [];
    private readonly Queue<(EmulatedResource, long)> _order = new();

    /// <summary>Remembers the state of a resource at a resourceVersion (if not already remembered).</summary>
    public void Keep(EmulatedResource resource, long resourceVersion, IEnumerable<KeyValuePair<string, JsonObject>> objects)
    {
        if (_snapshots.ContainsKey((resource, resourceVersion)))
        {
            return;
        }

        _snapshots[(resource, resourceVersion)] = [.. objects];
        _order.Enqueue((resource, resourceVersion));
        while (_order.Count > Capacity)
        {
            _snapshots.Remove(_order.Dequeue());
        }
    }

    /// <summary>The objects of a continued list and the resourceVersion its first page was read at.</summary>
    /// <exception cref="ApiError">400 for a token that does not decode, 410 for one whose snapshot is gone.</exception>
    public (long ResourceVersion, IEnumerable<KeyValuePair<string, JsonObject>> Objects) Resume(EmulatedResource resource, string token)
    {
        var (rv, start) = Decode(token);
        if (!_snapshots.TryGetValue((resource, rv), out var objects))
        {
            throw ApiError.Expired("The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.");
        }

        return (rv, objects.Where(o => string.CompareOrdinal(o.Key, start) >= 0));
    }

    public static string Encode(long resourceVersion, string lastKey)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, object> { ["v"] = "meta.k8s.io/v1", ["rv"] = resourceVersion, ["start"] = lastKey + "\0" });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static (long Rv, string Start) Decode(string token)
    {
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded = padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '=');
            var node = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(padded)));
            var rv = node?["rv"]?.GetValue<long>();
            var start = node?["start"]?.GetValue<string>();
            if (rv is { } r && start is not null)
            {
                return (r, start);
            }
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            // Falls through to the error below.
        }

        throw ApiError.BadRequest($"continue key is not valid: {token}");
    }
}
