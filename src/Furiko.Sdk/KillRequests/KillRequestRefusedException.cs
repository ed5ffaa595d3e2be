namespace Furiko.Sdk.KillRequests;

/// <summary>
/// A kill request (or the cancellation of one) was refused by a rule before anything was sent to the API
/// server. The message says what was wrong and what to do; <see cref="Rule"/> says which rule refused it.
/// </summary>
public sealed class KillRequestRefusedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public KillRequestRefusedException()
        : base("The kill request was refused.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What was wrong and what to do.</param>
    public KillRequestRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What was wrong and what to do.</param>
    /// <param name="innerException">The cause.</param>
    public KillRequestRefusedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a rule.</summary>
    /// <param name="rule">The rule that refused the request.</param>
    /// <param name="message">What was wrong and what to do.</param>
    public KillRequestRefusedException(KillRequestRule rule, string message)
        : base(message)
    {
        Rule = rule;
    }

    /// <summary>The rule that refused the request.</summary>
    public KillRequestRule Rule { get; }
}
