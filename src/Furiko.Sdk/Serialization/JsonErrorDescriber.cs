using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;

namespace Furiko.Sdk.Serialization;

/// <summary>
/// Turns a System.Text.Json error into a sentence that names the JSON path, the offending value and what was
/// expected, by looking the path up in the source JSON.
/// </summary>
internal static class JsonErrorDescriber
{
    public static string Describe(JsonException exception, string json, Type targetType)
    {
        var path = exception.Path ?? "$";
        var reason = exception.InnerException?.Message ?? StripLocation(exception.Message);
        var where = exception.LineNumber is { } line
            ? $"{path} (line {line + 1}, byte {exception.BytePositionInLine + 1})"
            : path;

        var found = TryFindValue(json, path);
        if (found is not null && exception.InnerException is null)
        {
            reason = $"{found} is not {ExpectedFrom(exception.Message)}";
        }

        return $"Cannot read {targetType.Name}: at {where}: {reason}";
    }

    // System.Text.Json appends " Path: $.x | LineNumber: 0 | BytePositionInLine: 1." to its messages.
    private static string StripLocation(string message)
    {
        var at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }

    private static string ExpectedFrom(string message)
    {
        // "The JSON value could not be converted to System.Nullable`1[System.Int64]. Path: ..."
        const string Marker = "could not be converted to ";
        var at = message.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return "valid here";
        }

        var typeName = message[(at + Marker.Length)..];
        var end = typeName.IndexOf(". Path:", StringComparison.Ordinal);
        typeName = end < 0 ? typeName.TrimEnd('.') : typeName[..end];
        return Friendly(typeName);
    }

    private static string Friendly(string clrTypeName)
    {
        var inner = clrTypeName.StartsWith("System.Nullable`1[", StringComparison.Ordinal)
            ? clrTypeName["System.Nullable`1[".Length..].TrimEnd(']')
            : clrTypeName;
        return inner switch
        {
            "System.Int64" => "an integer (int64)",
            "System.Int32" => "an integer (int32)",
            "System.Boolean" => "a boolean (true or false)",
            "System.String" => "a string",
            _ when inner == typeof(Instant).FullName => "an RFC 3339 timestamp",
            _ when inner.StartsWith("System.Collections.Generic.", StringComparison.Ordinal) => $"a {(inner.Contains("Dictionary", StringComparison.Ordinal) ? "JSON object (map)" : "JSON array")}",
            _ => $"a JSON object ({inner[(inner.LastIndexOf('.') + 1)..]})",
        };
    }

    private static string? TryFindValue(string json, string path)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }

        foreach (var segment in JsonPathSegments.Parse(path))
        {
            node = segment switch
            {
                string name when node is JsonObject obj && obj.TryGetPropertyValue(name, out var child) => child,
                int index when node is JsonArray array && index < array.Count => array[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        var text = node?.ToJsonString() ?? "null";
        return text.Length > 80 ? text[..77] + "..." : text;
    }
}
