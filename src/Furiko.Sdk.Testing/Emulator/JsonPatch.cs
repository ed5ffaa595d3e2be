using System.Globalization;
using System.Text.Json.Nodes;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>
/// JSON patch (RFC 6902): a list of <c>add</c>, <c>remove</c>, <c>replace</c>, <c>move</c>, <c>copy</c> and
/// <c>test</c> operations on JSON pointers. A malformed patch is a 400 and an operation that cannot apply (a missing
/// path, a failed test) a 422, as on the real server.
/// </summary>
internal static class JsonPatch
{
    /// <summary>Applies the operations in order to a copy of <paramref name="document"/>.</summary>
    /// <exception cref="ApiError">400 for a malformed patch, 422 for an operation that fails.</exception>
    public static JsonObject Apply(JsonObject document, JsonNode? patch)
    {
        if (patch is not JsonArray operations)
        {
            throw ApiError.BadRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
        }

        JsonNode root = document.DeepClone();
        foreach (var item in operations)
        {
            if (item is not JsonObject operation || JsonFields.StringAt(operation, "op") is not { } op || JsonFields.StringAt(operation, "path") is not { } path)
            {
                throw ApiError.BadRequest("a JSON patch operation needs string fields \"op\" and \"path\"");
            }

            root = op switch
            {
                "add" => Add(root, Pointer(path), ValueOf(operation)),
                "remove" => Remove(root, Pointer(path), out _),
                "replace" => Add(Remove(root, Pointer(path), out _), Pointer(path), ValueOf(operation)),
                "move" => Move(root, Pointer(FromOf(operation)), Pointer(path)),
                "copy" => Add(root, Pointer(path), Get(root, Pointer(FromOf(operation)))?.DeepClone()),
                "test" => Test(root, path, ValueOf(operation)),
                _ => throw ApiError.BadRequest($"Unexpected kind: {op}"),
            };
        }

        return root as JsonObject ?? throw ApiError.UnprocessablePatch("the patch replaced the whole object with a non-object value");
    }

    private static JsonNode? ValueOf(JsonObject operation) =>
        operation.TryGetPropertyValue("value", out var value) ? value?.DeepClone() : throw ApiError.BadRequest("missing value in JSON patch operation");

    private static string FromOf(JsonObject operation) =>
        JsonFields.StringAt(operation, "from") ?? throw ApiError.BadRequest("missing from in JSON patch operation");

    private static JsonNode Move(JsonNode root, List<string> from, List<string> to)
    {
        root = Remove(root, from, out var value);
        return Add(root, to, value);
    }

    private static JsonNode Test(JsonNode root, string path, JsonNode? expected)
    {
        var actual = Get(root, Pointer(path));
        if (!JsonNode.DeepEquals(actual, expected))
        {
            throw ApiError.UnprocessablePatch($"testing value {path} failed: test failed");
        }

        return root;
    }

    private static List<string> Pointer(string path)
    {
        if (path.Length == 0)
        {
            return [];
        }

        if (path[0] != '/')
        {
            throw ApiError.BadRequest($"JSON pointer must be empty or start with a \"/\": {path}");
        }

        return [.. path[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];
    }

    private static JsonNode? Get(JsonNode root, List<string> pointer)
    {
        JsonNode? node = root;
        foreach (var token in pointer)
        {
            node = node switch
            {
                JsonObject o when o.TryGetPropertyValue(token, out var child) => child,
                JsonArray a when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < a.Count => a[index],
                _ => throw Missing(pointer),
            };
        }

        return node;
    }

    private static JsonNode Add(JsonNode root, List<string> pointer, JsonNode? value)
    {
        if (pointer.Count == 0)
        {
            return value ?? throw ApiError.UnprocessablePatch("the patch replaced the whole object with null");
        }

        var parent = Get(root, pointer[..^1]);
        var last = pointer[^1];
        switch (parent)
        {
            case JsonObject o:
                o[last] = value;
                break;
            case JsonArray a when last == "-":
                a.Add(value);
                break;
            case JsonArray a when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index <= a.Count:
                a.Insert(index, value);
                break;
            default:
                throw Missing(pointer);
        }

        return root;
    }

    private static JsonNode Remove(JsonNode root, List<string> pointer, out JsonNode? removed)
    {
        if (pointer.Count == 0)
        {
            throw ApiError.UnprocessablePatch("cannot remove the whole object");
        }

        var parent = Get(root, pointer[..^1]);
        var last = pointer[^1];
        switch (parent)
        {
            case JsonObject o when o.TryGetPropertyValue(last, out var child):
                o.Remove(last);
                removed = child;
                break;
            case JsonArray a when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < a.Count:
                removed = a[index];
                a.RemoveAt(index);
                break;
            default:
                throw Missing(pointer);
        }

        return root;
    }

    private static ApiError Missing(List<string> pointer) =>
        ApiError.UnprocessablePatch($"the server rejected our request due to an error in our request: missing path /{string.Join('/', pointer)}");
}
