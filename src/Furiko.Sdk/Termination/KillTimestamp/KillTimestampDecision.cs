using NodaTime;

namespace Furiko.Sdk.Termination.KillTimestamp;

/// <summary>
/// The decision of a <see cref="IKillTimestampEvaluator"/>: whether a kill is requested, and when. Immutable; thread-safe.
/// </summary>
public readonly record struct KillTimestampDecision
{
    private KillTimestampDecision(KillTimestampVerdict verdict, Instant? killAt)
    {
        Verdict = verdict;
        KillAt = killAt;
    }

    /// <summary>No kill is requested.</summary>
    public static KillTimestampDecision NotRequested => default;

    /// <summary>What was decided.</summary>
    public KillTimestampVerdict Verdict { get; }

    /// <summary>The kill time: when the kill is (or was) due; <see langword="null"/> when none is requested.</summary>
    public Instant? KillAt { get; }

    /// <summary>A kill requested for a later time.</summary>
    /// <param name="killAt">The kill time, after now.</param>
    /// <returns>The decision.</returns>
    public static KillTimestampDecision Scheduled(Instant killAt) => new(KillTimestampVerdict.Scheduled, killAt);

    /// <summary>A kill whose time has come.</summary>
    /// <param name="killAt">The kill time, at or before now.</param>
    /// <returns>The decision.</returns>
    public static KillTimestampDecision Due(Instant killAt) => new(KillTimestampVerdict.Due, killAt);
}
