using System.Net;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// A call to the Kubernetes API server failed. The message names the verb, the object (kind, namespace/name),
/// the HTTP status and the server's own message; the properties carry the same facts for code. Subclasses say
/// what kind of failure it was: <see cref="FurikoApiNotFoundException"/> (404), <see cref="FurikoApiConflictException"/>
/// (409), <see cref="FurikoApiInvalidException"/> (422) and <see cref="FurikoApiTransientException"/> (the server was
/// unavailable or overloaded, or could not be reached, and retries ran out). Other statuses (400, 401, 403, 405, ...)
/// are this base type. Its data does not change after construction, so it may be shared across threads.
/// </summary>
public class FurikoApiException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public FurikoApiException()
        : base("A call to the Kubernetes API server failed.")
    {
        Failure = Unknown;
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public FurikoApiException(string message)
        : base(message)
    {
        Failure = Unknown;
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause, typically KubernetesClient's <c>HttpOperationException</c>.</param>
    public FurikoApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Failure = Unknown;
    }

    /// <summary>Creates the exception for a failed call.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="failure">The call and the server's answer.</param>
    /// <param name="innerException">The cause, typically KubernetesClient's <c>HttpOperationException</c>.</param>
    public FurikoApiException(string message, FurikoApiFailure failure, Exception? innerException)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(failure);
        Failure = failure;
    }

    /// <summary>The call and the server's answer.</summary>
    public FurikoApiFailure Failure { get; }

    /// <summary>The HTTP status; <see langword="null"/> when no answer came (connection failure, timeout).</summary>
    public HttpStatusCode? StatusCode => Failure.StatusCode;

    /// <summary>The Kubernetes verb: <c>get</c>, <c>list</c>, <c>watch</c>, <c>create</c>, <c>patch</c>, <c>update</c> or <c>delete</c>.</summary>
    public string Verb => Failure.Verb;

    /// <summary>The REST resource, for example <c>jobs</c>, <c>jobs/status</c> or <c>pods</c>.</summary>
    public string Resource => Failure.Resource;

    /// <summary>The namespace of the call; <see langword="null"/> across all namespaces.</summary>
    public string? Namespace => Failure.Namespace;

    /// <summary>The object's name; <see langword="null"/> for a call on a collection.</summary>
    public string? Name => Failure.Name;

    /// <summary>The reason of the server's <c>Status</c> (for example <c>NotFound</c>, <c>AlreadyExists</c>, <c>Conflict</c>), when it sent one.</summary>
    public string? Reason => Failure.Reason;

    /// <summary>The server's human-readable message, when it sent one.</summary>
    public string? ServerMessage => Failure.ServerMessage;

    private static FurikoApiFailure Unknown => new("unknown", "unknown", "unknown", null, null, null, null, null);
}
