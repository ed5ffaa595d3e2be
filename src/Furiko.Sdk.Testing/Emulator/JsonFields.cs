using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>Reads and writes the fields of a stored object (a <see cref="JsonObject"/>) that the server's rules need.</summary>
internal static class JsonFields
{
    // The API server writes metav1.Time with second precision in UTC.
    private static readonly InstantPattern TimestampPattern = InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss'Z'");

    public static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata)
        {
            return metadata;
        }

        metadata = new JsonObject();
        obj["metadata"] = metadata;
        return metadata;
    }

    public static string? MetadataString(JsonObject obj, string field) => StringAt(obj, "metadata", field);

    public static string Name(JsonObject obj) => MetadataString(obj, "name") ?? "";

    public static string? Namespace(JsonObject obj) => MetadataString(obj, "namespace");

    public static long ResourceVersion(JsonObject obj) =>
        long.TryParse(MetadataString(obj, "resourceVersion"), NumberStyles.None, CultureInfo.InvariantCulture, out var rv) ? rv : 0;

    /// <summary>The string at a path of object keys, or null when a step is missing or not a string.</summary>
    public static string? StringAt(JsonNode? node, params ReadOnlySpan<string> path)
    {
        foreach (var step in path)
        {
            node = node is JsonObject o ? o[step] : null;
        }

        return node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
    }

    /// <summary>The value at a path rendered as a field-selector string ("" when missing, numbers and booleans as text).</summary>
    public static string FieldText(JsonNode? node, string dottedPath)
    {
        foreach (var step in dottedPath.Split('.'))
        {
            node = node is JsonObject o ? o[step] : null;
        }

        return node switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValueKind() == JsonValueKind.True ? "true" : "false",
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
            _ => "",
        };
    }

    public static long? LongAt(JsonNode? node, params ReadOnlySpan<string> path)
    {
        foreach (var step in path)
        {
            node = node is JsonObject o ? o[step] : null;
        }

        // A value built in code (an int) and one parsed from text (a JsonElement) both read back through their text.
        return node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    public static IReadOnlyDictionary<string, string> Labels(JsonObject obj)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj["metadata"] is JsonObject { } metadata && metadata["labels"] is JsonObject labels)
        {
            foreach (var (key, value) in labels)
            {
                if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                {
                    result[key] = v.GetValue<string>();
                }
            }
        }

        return result;
    }

    public static List<string> Finalizers(JsonObject obj)
    {
        var result = new List<string>();
        if (obj["metadata"] is JsonObject metadata && metadata["finalizers"] is JsonArray finalizers)
        {
            foreach (var item in finalizers)
            {
                if (item is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                {
                    result.Add(v.GetValue<string>());
                }
            }
        }

        return result;
    }

    public static string FormatTime(Instant instant) => TimestampPattern.Format(instant);

    /// <summary>Reads an RFC 3339 timestamp (UTC or with an offset, any fraction); null when missing or unreadable.</summary>
    public static Instant? ParseTime(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var result = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (result.Success)
        {
            return result.Value.ToInstant();
        }

        var utc = InstantPattern.ExtendedIso.Parse(text);
        return utc.Success ? utc.Value : null;
    }

    /// <summary>A copy of the object without <c>metadata</c> and <c>status</c>: what a spec change is judged on.</summary>
    public static JsonObject WithoutMetadataAndStatus(JsonObject obj)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (key is not ("metadata" or "status" or "apiVersion" or "kind"))
            {
                copy[key] = value?.DeepClone();
            }
        }

        return copy;
    }

    /// <summary>A copy with <c>metadata.resourceVersion</c> removed, to detect no-op writes.</summary>
    public static JsonObject WithoutResourceVersion(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        if (copy["metadata"] is JsonObject metadata)
        {
            metadata.Remove("resourceVersion");
            metadata.Remove("managedFields");
        }

        return copy;
    }
}
