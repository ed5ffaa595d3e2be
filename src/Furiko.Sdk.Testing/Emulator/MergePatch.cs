using System.Text.Json.Nodes;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>
/// JSON merge patch (RFC 7386): objects merge key by key, <c>null</c> deletes a key, anything else (arrays
/// included) replaces the target value.
/// </summary>
internal static class MergePatch
{
    /// <summary>Applies <paramref name="patch"/> to <paramref name="target"/>, changing the target in place where it is an object.</summary>
    /// <returns>The patched value (the same node as the target when both are objects).</returns>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else if (value is JsonObject && result[key] is JsonObject existing)
            {
                Apply(existing, value);
            }
            else
            {
                result[key] = Apply(null, value);
            }
        }

        return result;
    }
}
