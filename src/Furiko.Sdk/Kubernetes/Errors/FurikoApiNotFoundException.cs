namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// The API server answered 404 Not Found: the object does not exist (or its namespace, or the resource type
/// when Furiko's CRDs are not installed). Never retried.
/// </summary>
public sealed class FurikoApiNotFoundException : FurikoApiException
{
    /// <summary>Creates the exception with a default message.</summary>
    public FurikoApiNotFoundException()
        : base("The object was not found.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What was not found.</param>
    public FurikoApiNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What was not found.</param>
    /// <param name="innerException">The cause.</param>
    public FurikoApiNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a failed call.</summary>
    /// <param name="message">What was not found.</param>
    /// <param name="failure">The call and the server's answer.</param>
    /// <param name="innerException">The cause.</param>
    public FurikoApiNotFoundException(string message, FurikoApiFailure failure, Exception? innerException)
        : base(message, failure, innerException)
    {
    }
}
