using NodaTime;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>
/// One request the emulator answered: what was asked, when, and what the answer was (for a watch, the status
/// the stream started with). Immutable.
/// </summary>
/// <param name="Time">When the request arrived, by the emulator's clock.</param>
/// <param name="Method">The HTTP method, for example <c>DELETE</c>.</param>
/// <param name="Verb">The Kubernetes verb, or null for a path that names no resource (for example <c>/version</c>).</param>
/// <param name="Path">The URL path, for example <c>/api/v1/namespaces/default/pods/p1</c>.</param>
/// <param name="Query">The query string without the leading <c>?</c> (empty when there is none).</param>
/// <param name="Resource">The plural resource name, for example <c>pods</c>, or null.</param>
/// <param name="Subresource">The subresource, for example <c>status</c>, or null.</param>
/// <param name="Namespace">The namespace in the path, or null for cluster-scoped and all-namespaces requests.</param>
/// <param name="Name">The object name in the path, or null for collection requests.</param>
/// <param name="StatusCode">The HTTP status code answered, or 0 when an injected fault dropped the connection.</param>
public sealed record EmulatorRequestRecord(
    Instant Time,
    string Method,
    KubernetesVerb? Verb,
    string Path,
    string Query,
    string? Resource,
    string? Subresource,
    string? Namespace,
    string? Name,
    int StatusCode);
