using NodaTime;

namespace Furiko.Sdk.Termination;

/// <summary>Deadline arithmetic shared by the timeout rules. Thread-safe.</summary>
internal static class TimeoutDeadline
{
    /// <summary>
    /// The instant <paramref name="timeoutSeconds"/> after <paramref name="start"/>; <see langword="null"/> (never)
    /// when the timeout exceeds <see cref="TerminationOptions.MaxTimeoutSeconds"/>, so that a huge per-Job value
    /// read from a cluster cannot overflow NodaTime's range.
    /// </summary>
    public static Instant? After(Instant start, long timeoutSeconds)
    {
        if (timeoutSeconds > TerminationOptions.MaxTimeoutSeconds)
        {
            return null;
        }

        var deadline = start + Duration.FromSeconds(timeoutSeconds);
        return deadline > Instant.MaxValue ? null : deadline;
    }
}
