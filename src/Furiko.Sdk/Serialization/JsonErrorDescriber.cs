using System.Text.Json;
using NodaTime;

namespace Furiko.Sdk.Serialization;

/// <summary>
/// Turns a System.Text.Json error into a sentence that names the JSON path, what was expected there and the
/// offending value, looked up by its path in the source JSON:
/// <c>Cannot read Job: at $.spec.template.maxAttempts (line 1, byte 43): expected an integer (int64), found "three".</c>
/// </summary>
internal static class JsonErrorDescriber
{
    private const int MaxShownValueLength = 80;

    public static string Describe(JsonException exception, string json, string subject, bool showPosition)
    {
        var path = exception.Path ?? "$";
        var where = showPosition && exception.LineNumber is { } line
            ? $"{path} (line {line + 1}, byte {exception.BytePositionInLine + 1})"
            : path;

        return $"Cannot read {subject}: at {where}: {Reason(exception, json, path)}";
    }

    private static string Reason(JsonException exception, string json, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            // The reader stopped at a syntax error: its own words say what is wrong.
            return $"malformed JSON: {WithoutLocation(exception.InnerException?.Message ?? exception.Message)}";
        }

        var expected = Expected(exception.Message);
        string? found;
        using (document)
        {
            found = Find(document.RootElement, path);
        }

        return (expected, found) switch
        {
            ({ }, { }) => $"expected {expected}, found {found}.",
            ({ }, null) => $"expected {expected}.",
            _ => WithoutLocation(exception.InnerException?.Message ?? exception.Message),
        };
    }

    // System.Text.Json appends " Path: $.x | LineNumber: 0 | BytePositionInLine: 1." (or only the line part).
    private static string WithoutLocation(string message)
    {
        foreach (var marker in (string[])[" Path: ", " LineNumber: "])
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                message = message[..at];
            }
        }

        return message;
    }

    // "The JSON value could not be converted to System.Nullable`1[System.Int64]. Path: ..." -> "an integer (int64)".
    private static string? Expected(string message)
    {
        const string Marker = "could not be converted to ";
        var at = message.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var typeName = WithoutLocation(message[(at + Marker.Length)..]).TrimEnd('.');
        return Friendly(typeName);
    }

    private static string Friendly(string clrTypeName)
    {
        const string NullablePrefix = "System.Nullable`1[";
        var name = clrTypeName.StartsWith(NullablePrefix, StringComparison.Ordinal)
            ? clrTypeName[NullablePrefix.Length..^1]
            : clrTypeName;
        var shortName = name[(name.LastIndexOf('.') + 1)..];
        return name switch
        {
            "System.Int64" => "an integer (int64)",
            "System.Int32" => "an integer (int32)",
            "System.Boolean" => "a boolean (true or false)",
            "System.String" => "a string",
            "System.Double" or "System.Decimal" => "a number",
            "System.DateTime" or "System.DateTimeOffset" => "an RFC 3339 timestamp such as 2022-03-06T00:27:00Z",
            "k8s.Models.ResourceQuantity" => "a Kubernetes quantity such as 500m or 1Gi",
            "k8s.Models.IntOrString" or "k8s.Models.IntstrIntOrString" => "an integer or a string",
            _ when name == typeof(Instant).FullName => "an RFC 3339 timestamp such as 2022-03-06T00:27:00Z or 2022-03-06T00:27:00+08:00",
            _ when IsOpenString(name) => $"a string ({shortName})",
            _ when name.StartsWith("System.Collections.Generic.", StringComparison.Ordinal) =>
                name.Contains("Dictionary", StringComparison.Ordinal) ? "a JSON object (map)" : "a JSON array",
            _ => $"a JSON object ({shortName})",
        };
    }

    private static bool IsOpenString(string typeName) =>
        typeof(IOpenString<>).Assembly.GetType(typeName) is { IsValueType: true } type
        && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IOpenString<>));

    // The offending value as JSON text, shortened; null when the path does not lead to a value.
    // (JsonElement, unlike JsonNode, tolerates duplicate keys, which the serializer accepts.)
    private static string? Find(JsonElement element, string path)
    {
        foreach (var segment in JsonPathSegments.Parse(path))
        {
            switch (segment)
            {
                case string name when element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child):
                    element = child;
                    break;
                case int index when element.ValueKind == JsonValueKind.Array && index < element.GetArrayLength():
                    element = element[index];
                    break;
                default:
                    return null;
            }
        }

        // As written in the source, so the user recognizes it.
        var text = element.GetRawText();
        return text.Length > MaxShownValueLength ? text[..(MaxShownValueLength - 3)] + "..." : text;
    }
}
