using NodaTime;

namespace Furiko.Sdk.KillRequests;

/// <summary>
/// What a caller asks for when requesting a kill of a Job (the SDK's form of <c>furiko kill</c>): now (neither
/// <see cref="At"/> nor <see cref="After"/>), at an instant, or after a duration from now. Immutable.
/// </summary>
public sealed record KillRequest
{
    /// <summary>A kill now, with no override and finished Jobs refused.</summary>
    public static KillRequest Now { get; } = new();

    /// <summary>Kill at this instant. Not together with <see cref="After"/>.</summary>
    public Instant? At { get; init; }

    /// <summary>Kill this long after now. Not together with <see cref="At"/>; a negative duration is a time in the past.</summary>
    public Duration? After { get; init; }

    /// <summary>Replace a kill time the Job already has (as <c>--override</c>). A kill time that has passed still cannot be changed.</summary>
    public bool Override { get; init; }

    /// <summary>Allow a kill time on a Job that has already finished (as <c>--allow-finished</c>); refused by default.</summary>
    public bool AllowFinished { get; init; }

    /// <summary>A kill at an instant.</summary>
    /// <param name="instant">When to kill.</param>
    /// <returns>The request.</returns>
    public static KillRequest AtInstant(Instant instant) => new() { At = instant };

    /// <summary>A kill after a duration from now.</summary>
    /// <param name="duration">How long from now.</param>
    /// <returns>The request.</returns>
    public static KillRequest AfterDuration(Duration duration) => new() { After = duration };
}
