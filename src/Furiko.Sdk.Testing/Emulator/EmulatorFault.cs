namespace Furiko.Sdk.Testing.Emulator;

/// <summary>
/// What an injected fault does to a matching request: answer with an error status, answer late, or drop the
/// connection. Create one with the static methods and pass it to <see cref="KubernetesEmulator.InjectFault"/>.
/// Immutable.
/// </summary>
public sealed class EmulatorFault
{
    private EmulatorFault(EmulatorFaultKind kind, int statusCode, int? retryAfterSeconds, TimeSpan delay)
    {
        Kind = kind;
        StatusCode = statusCode;
        RetryAfterSeconds = retryAfterSeconds;
        DelayBy = delay;
    }

    /// <summary>What the fault does.</summary>
    public EmulatorFaultKind Kind { get; }

    /// <summary>For <see cref="EmulatorFaultKind.Status"/>: the HTTP status code answered; otherwise 0.</summary>
    public int StatusCode { get; }

    /// <summary>For <see cref="EmulatorFaultKind.Status"/>: the <c>Retry-After</c> header in seconds, or null for none.</summary>
    public int? RetryAfterSeconds { get; }

    /// <summary>For <see cref="EmulatorFaultKind.Delay"/>: how long (wall time) the answer is held back; otherwise zero.</summary>
    public TimeSpan DelayBy { get; }

    /// <summary>429 Too Many Requests with a <c>Retry-After</c> header, as API priority and fairness answers.</summary>
    /// <param name="retryAfterSeconds">The <c>Retry-After</c> value in seconds, at least 0.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault TooManyRequests(int retryAfterSeconds = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retryAfterSeconds);
        return new EmulatorFault(EmulatorFaultKind.Status, 429, retryAfterSeconds, TimeSpan.Zero);
    }

    /// <summary>
    /// An error answer with a v1 Status body in the real server's shape for that code (500 InternalError,
    /// 503 ServiceUnavailable, 504 Timeout, ...).
    /// </summary>
    /// <param name="statusCode">An HTTP status code from 400 to 599.</param>
    /// <param name="retryAfterSeconds">An optional <c>Retry-After</c> header value in seconds.</param>
    /// <returns>The fault.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is not an error code.</exception>
    public static EmulatorFault Status(int statusCode, int? retryAfterSeconds = null)
    {
        if (statusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "statusCode must be an HTTP error code from 400 to 599.");
        }

        if (retryAfterSeconds is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(retryAfterSeconds), retryAfterSeconds, "retryAfterSeconds must not be negative.");
        }

        return new EmulatorFault(EmulatorFaultKind.Status, statusCode, retryAfterSeconds, TimeSpan.Zero);
    }

    /// <summary>Holds the answer back for a wall-clock duration, then answers the request normally.</summary>
    /// <param name="delay">How long to wait; not negative.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault Delay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new EmulatorFault(EmulatorFaultKind.Delay, 0, null, delay);
    }

    /// <summary>
    /// Drops the connection without an answer. In process the handler throws an <see cref="HttpRequestException"/>
    /// (wrapping an <see cref="IOException"/>); over HTTP the server aborts the connection. Nothing is changed.
    /// </summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault DropConnection() => new(EmulatorFaultKind.DropConnection, 0, null, TimeSpan.Zero);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        EmulatorFaultKind.Status => $"status {StatusCode}",
        EmulatorFaultKind.Delay => $"delay {DelayBy}",
        _ => "drop connection",
    };
}

/// <summary>The kinds of <see cref="EmulatorFault"/>.</summary>
public enum EmulatorFaultKind
{
    /// <summary>Answer with an error status code and a Status body; nothing is changed.</summary>
    Status,

    /// <summary>Wait, then answer normally.</summary>
    Delay,

    /// <summary>Drop the connection; nothing is changed.</summary>
    DropConnection,
}
