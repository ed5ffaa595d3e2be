using System.Globalization;
using System.Text.Json.Nodes;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// Builds the JSON patch (RFC 6902) that removes a finalizer at the positions it has now: for each position,
/// from the last to the first, a <c>test</c> that the entry there is still that finalizer, then a <c>remove</c>
/// of it. A finalizer appended concurrently sits after these positions and is left alone; any change at or
/// before them makes a test fail, the server refuses the whole patch (422), and the caller re-reads. Pure; thread-safe.
/// </summary>
internal static class FinalizerRemovalPatch
{
    /// <summary>The patch text, or <see langword="null"/> when the finalizer is not in the list.</summary>
    /// <param name="finalizers">The object's <c>metadata.finalizers</c> as read.</param>
    /// <param name="finalizer">The finalizer to remove.</param>
    /// <returns>The JSON patch, or <see langword="null"/>.</returns>
    public static string? Build(IList<string>? finalizers, string finalizer)
    {
        var operations = new JsonArray();
        for (var i = (finalizers?.Count ?? 0) - 1; i >= 0; i--)
        {
            if (!string.Equals(finalizers![i], finalizer, StringComparison.Ordinal))
            {
                continue;
            }

            var path = "/metadata/finalizers/" + i.ToString(CultureInfo.InvariantCulture);
            operations.Add(new JsonObject { ["op"] = "test", ["path"] = path, ["value"] = finalizer });
            operations.Add(new JsonObject { ["op"] = "remove", ["path"] = path });
        }

        return operations.Count == 0 ? null : operations.ToJsonString();
    }
}
