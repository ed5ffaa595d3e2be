using System.Text.Json.Nodes;
using Furiko.Sdk.Serialization;
using NodaTime;

namespace Furiko.Sdk.KillRequests;

/// <summary>
/// The merge patch a kill request sends: <c>spec.killTimestamp</c> and nothing else, plus
/// <c>metadata.resourceVersion</c> as a precondition (the API server answers 409 when the Job has changed since it
/// was read). Clearing writes an explicit JSON <c>null</c>, which is why the patch is built as a
/// <see cref="JsonObject"/>: KubernetesClient's serializer drops null properties. Pure; thread-safe.
/// </summary>
internal static class KillTimestampPatch
{
    /// <summary>The patch text.</summary>
    /// <param name="resourceVersion">The Job's resourceVersion as read.</param>
    /// <param name="killAt">The kill time to set, or <see langword="null"/> to clear it.</param>
    /// <returns>For example <c>{"metadata":{"resourceVersion":"42"},"spec":{"killTimestamp":"2021-02-09T04:04:04Z"}}</c>.</returns>
    public static string Build(string resourceVersion, Instant? killAt) =>
        new JsonObject
        {
            ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion },
            ["spec"] = new JsonObject { ["killTimestamp"] = killAt is { } at ? JsonValue.Create(InstantJsonConverter.Format(at)) : null },
        }.ToJsonString();
}
