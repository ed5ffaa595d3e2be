using System.Net;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// What an API call that failed was and what the API server answered: the verb, the object or collection it
/// was about, the HTTP status and the server's reason and message. Carried by every <see cref="FurikoApiException"/>.
/// Immutable; thread-safe.
/// </summary>
/// <param name="Verb">The Kubernetes verb: <c>get</c>, <c>list</c>, <c>watch</c>, <c>create</c>, <c>patch</c>, <c>update</c> or <c>delete</c>.</param>
/// <param name="Kind">The kind of object, for example <c>Job</c> or <c>Pod</c>.</param>
/// <param name="Resource">The REST resource, for example <c>jobs</c>, <c>jobs/status</c> or <c>pods</c>.</param>
/// <param name="Namespace">The namespace; <see langword="null"/> for a call across all namespaces.</param>
/// <param name="Name">The object's name; <see langword="null"/> for a call on a collection (list, watch, create with a generated name).</param>
/// <param name="StatusCode">The HTTP status; <see langword="null"/> when no answer came (connection failure, timeout).</param>
/// <param name="Reason">The machine-readable reason of the server's <c>Status</c> (for example <c>NotFound</c>, <c>AlreadyExists</c>, <c>Conflict</c>, <c>Invalid</c>), when it sent one.</param>
/// <param name="ServerMessage">The human-readable message of the server's <c>Status</c>, or the raw response body when it was not a <c>Status</c>.</param>
public sealed record FurikoApiFailure(
    string Verb,
    string Kind,
    string Resource,
    string? Namespace,
    string? Name,
    HttpStatusCode? StatusCode,
    string? Reason,
    string? ServerMessage)
{
    /// <summary>The object or collection the call was about, for messages: <c>Job default/my-job</c>, <c>Job in namespace default</c> or <c>Job in all namespaces</c>.</summary>
    public string Target =>
        (Namespace, Name) switch
        {
            (not null, not null) => $"{Kind} {Namespace}/{Name}",
            (null, not null) => $"{Kind} {Name}",
            (not null, null) => $"{Kind} in namespace {Namespace}",
            _ => $"{Kind} in all namespaces",
        };
}
