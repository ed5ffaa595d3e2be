using System.Text.Json;
using System.Text.Json.Nodes;

namespace Furiko.Sdk.Kubernetes;

/// <summary>Checks that a merge patch given as text is a JSON object, so a mistake is caught before it is sent.</summary>
internal static class MergePatchText
{
    /// <summary>Throws unless the text is one JSON object.</summary>
    /// <param name="patch">The patch text.</param>
    /// <param name="parameterName">The parameter's name, for the exception.</param>
    /// <exception cref="ArgumentException">The text is not a JSON object.</exception>
    public static void EnsureObject(string patch, string parameterName)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(patch);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The merge patch is not valid JSON: {ex.Message}", parameterName, ex);
        }

        if (node is not JsonObject)
        {
            throw new ArgumentException(
                $"A merge patch must be a JSON object, but it is {(node is null ? "null" : node.GetValueKind().ToString())}: {Shorten(patch)}",
                parameterName);
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "...");
}
