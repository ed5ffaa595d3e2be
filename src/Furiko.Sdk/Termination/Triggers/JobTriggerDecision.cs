using NodaTime;

namespace Furiko.Sdk.Termination.Triggers;

/// <summary>
/// The decision of an <see cref="IJobTerminationTrigger"/>: whether to kill the Job's remaining tasks now, later,
/// or not. Immutable; thread-safe.
/// </summary>
public readonly record struct JobTriggerDecision
{
    private JobTriggerDecision(TriggerVerdict verdict, Instant? deadline)
    {
        Verdict = verdict;
        Deadline = deadline;
    }

    /// <summary>Do not kill the Job.</summary>
    public static JobTriggerDecision NotDue => default;

    /// <summary>What was decided.</summary>
    public TriggerVerdict Verdict { get; }

    /// <summary>
    /// For <see cref="TriggerVerdict.Scheduled"/>, when the trigger will fire; for <see cref="TriggerVerdict.Due"/>,
    /// the deadline that was reached, if the rule has one; otherwise <see langword="null"/>.
    /// </summary>
    public Instant? Deadline { get; }

    /// <summary>Kill the Job's remaining tasks at a later time.</summary>
    /// <param name="at">When the trigger will fire.</param>
    /// <returns>The decision.</returns>
    public static JobTriggerDecision Scheduled(Instant at) => new(TriggerVerdict.Scheduled, at);

    /// <summary>Kill the Job's remaining tasks now.</summary>
    /// <param name="deadline">The deadline that was reached, or <see langword="null"/> for a rule without one.</param>
    /// <returns>The decision.</returns>
    public static JobTriggerDecision Due(Instant? deadline = null) => new(TriggerVerdict.Due, deadline);
}
