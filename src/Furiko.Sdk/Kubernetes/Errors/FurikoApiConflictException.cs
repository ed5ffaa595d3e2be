namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// The API server answered 409 Conflict: a write carried a <c>resourceVersion</c> or UID precondition that no
/// longer holds (someone else changed or replaced the object; re-read it and try again), or a create found an
/// object of that name (<see cref="IsAlreadyExists"/>). Never retried by the resilience layer.
/// </summary>
public sealed class FurikoApiConflictException : FurikoApiException
{
    /// <summary>The <c>Status</c> reason the API server gives when a create finds an existing object.</summary>
    public const string AlreadyExistsReason = "AlreadyExists";

    /// <summary>Creates the exception with a default message.</summary>
    public FurikoApiConflictException()
        : base("The write conflicted with a concurrent change.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What conflicted.</param>
    public FurikoApiConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What conflicted.</param>
    /// <param name="innerException">The cause.</param>
    public FurikoApiConflictException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a failed call.</summary>
    /// <param name="message">What conflicted.</param>
    /// <param name="failure">The call and the server's answer.</param>
    /// <param name="innerException">The cause.</param>
    public FurikoApiConflictException(string message, FurikoApiFailure failure, Exception? innerException)
        : base(message, failure, innerException)
    {
    }

    /// <summary><see langword="true"/> when a create found an object with the same name (reason <c>AlreadyExists</c>).</summary>
    public bool IsAlreadyExists => string.Equals(Reason, AlreadyExistsReason, StringComparison.Ordinal);
}
