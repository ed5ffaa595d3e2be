namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// The API server answered 422 Unprocessable Entity: it (or a validating webhook) refused the request as
/// invalid, for example a field value it does not accept, a change to a kill time that has passed, or a JSON
/// patch whose <c>test</c> operation failed. The server's message lists the causes. Never retried.
/// </summary>
public sealed class FurikoApiInvalidException : FurikoApiException
{
    /// <summary>Creates the exception with a default message.</summary>
    public FurikoApiInvalidException()
        : base("The API server refused the request as invalid.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What was refused.</param>
    public FurikoApiInvalidException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What was refused.</param>
    /// <param name="innerException">The cause.</param>
    public FurikoApiInvalidException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a failed call.</summary>
    /// <param name="message">What was refused.</param>
    /// <param name="failure">The call and the server's answer.</param>
    /// <param name="innerException">The cause.</param>
    public FurikoApiInvalidException(string message, FurikoApiFailure failure, Exception? innerException)
        : base(message, failure, innerException)
    {
    }
}
