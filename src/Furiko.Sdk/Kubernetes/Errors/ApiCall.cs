using System.Net;

namespace Furiko.Sdk.Kubernetes;

/// <summary>What an API call is about, for messages and exceptions: verb, kind, REST resource, namespace and name.</summary>
/// <param name="Verb">The Kubernetes verb.</param>
/// <param name="Kind">The kind, for example <c>Job</c>.</param>
/// <param name="Resource">The REST resource, for example <c>jobs/status</c>.</param>
/// <param name="Namespace">The namespace, or <see langword="null"/> across all namespaces.</param>
/// <param name="Name">The name, or <see langword="null"/> for a collection.</param>
internal sealed record ApiCall(string Verb, string Kind, string Resource, string? Namespace, string? Name)
{
    /// <summary>Whether the call changes something (create, patch, update, delete), so that a repeat may find its own earlier effect.</summary>
    public bool IsWrite => Verb is not ("get" or "list" or "watch");

    /// <summary>The failure record of this call with the server's answer.</summary>
    /// <param name="statusCode">The HTTP status, if any came.</param>
    /// <param name="reason">The Status reason, if any.</param>
    /// <param name="message">The server's message, if any.</param>
    /// <returns>The record.</returns>
    public FurikoApiFailure ToFailure(HttpStatusCode? statusCode, string? reason, string? message) =>
        new(Verb, Kind, Resource, Namespace, Name, statusCode, reason, message);
}
