using NodaTime;

namespace Furiko.Sdk.Termination.Triggers;

/// <summary>
/// The decision of an <see cref="ITaskTerminationTrigger"/> about one task: kill it now (with the reason and message
/// of its tombstone), later, or not. Immutable; thread-safe.
/// </summary>
public readonly record struct TaskTriggerDecision
{
    private TaskTriggerDecision(TriggerVerdict verdict, Instant? deadline, string? reason, string? message)
    {
        Verdict = verdict;
        Deadline = deadline;
        Reason = reason;
        Message = message;
    }

    /// <summary>Do not kill the task.</summary>
    public static TaskTriggerDecision NotDue => default;

    /// <summary>What was decided.</summary>
    public TriggerVerdict Verdict { get; }

    /// <summary>
    /// For <see cref="TriggerVerdict.Scheduled"/>, when the trigger will fire; for <see cref="TriggerVerdict.Due"/>,
    /// the deadline that was reached, if the rule has one; otherwise <see langword="null"/>.
    /// </summary>
    public Instant? Deadline { get; }

    /// <summary>For <see cref="TriggerVerdict.Due"/>: the reason of the task's tombstone, for example <c>PendingTimeout</c>.</summary>
    public string? Reason { get; }

    /// <summary>For <see cref="TriggerVerdict.Due"/>: the message of the task's tombstone.</summary>
    public string? Message { get; }

    /// <summary>Kill the task at a later time.</summary>
    /// <param name="at">When the trigger will fire.</param>
    /// <returns>The decision.</returns>
    public static TaskTriggerDecision Scheduled(Instant at) => new(TriggerVerdict.Scheduled, at, null, null);

    /// <summary>
    /// Kill the task now: it is deleted gracefully and its tombstone is overwritten with
    /// <c>{Terminated, Killed, reason, message}</c>.
    /// </summary>
    /// <param name="deadline">The deadline that was reached, or <see langword="null"/> for a rule without one.</param>
    /// <param name="reason">The tombstone's reason: one CamelCase word.</param>
    /// <param name="message">The tombstone's message: a sentence for people.</param>
    /// <returns>The decision.</returns>
    public static TaskTriggerDecision Due(Instant? deadline, string? reason, string? message) => new(TriggerVerdict.Due, deadline, reason, message);
}
