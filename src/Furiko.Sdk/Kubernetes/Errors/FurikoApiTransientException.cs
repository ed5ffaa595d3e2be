namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// The API server could not serve the call for a reason that usually passes (429 Too Many Requests, 500, 502,
/// 503, 504, a timeout, a refused or reset connection), and the retries allowed by
/// <see cref="KubernetesRetryOptions"/> ran out, or the call was not safe to retry. <see cref="Attempts"/> says how
/// many times it was tried. Trying again later may succeed.
/// </summary>
public sealed class FurikoApiTransientException : FurikoApiException
{
    /// <summary>Creates the exception with a default message.</summary>
    public FurikoApiTransientException()
        : base("The Kubernetes API server was unavailable.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public FurikoApiTransientException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The last failure.</param>
    public FurikoApiTransientException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a failed call.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="failure">The call and the server's last answer.</param>
    /// <param name="attempts">How many times the call was tried, 1 or more.</param>
    /// <param name="innerException">The last failure.</param>
    public FurikoApiTransientException(string message, FurikoApiFailure failure, int attempts, Exception? innerException)
        : base(message, failure, innerException)
    {
        Attempts = attempts;
    }

    /// <summary>How many times the call was tried before giving up (1 when it was not retried); 0 when unknown.</summary>
    public int Attempts { get; }
}
