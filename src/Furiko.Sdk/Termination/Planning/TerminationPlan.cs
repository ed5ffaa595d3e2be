using System.Collections.Immutable;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace Furiko.Sdk.Termination.Planning;

/// <summary>
/// What the termination planner decided for one Job in one pass: which tasks to delete and how, the tombstones to
/// record before that, whether new tasks may be created, whether the Job's finalizer may go, and when to look
/// again. A plan in which nothing is due holds no allocated data. Immutable; thread-safe.
/// </summary>
public readonly struct TerminationPlan
{
    private readonly ImmutableArray<TaskTerminationDecision> _decisions;

    internal TerminationPlan(
        Instant evaluatedAt,
        ImmutableArray<TaskTerminationDecision> decisions,
        TerminationCause? killCause,
        bool canCreateTasks,
        bool canRemoveFinalizer,
        TerminationWakeUp? wakeUp)
    {
        EvaluatedAt = evaluatedAt;
        _decisions = decisions;
        KillCause = killCause;
        CanCreateTasks = canCreateTasks;
        CanRemoveFinalizer = canRemoveFinalizer;
        WakeUp = wakeUp;
    }

    /// <summary>The instant the plan was made for ("now" of the pass).</summary>
    public Instant EvaluatedAt { get; }

    /// <summary>
    /// One entry per task something is to be done to, in the order of Furiko's pass (FURIKO-SEMANTICS 3): pending
    /// timeout and other task triggers, then kill, then Job deletion, then force deletion. At most one per task.
    /// Never default: empty when nothing is to be done.
    /// </summary>
    public ImmutableArray<TaskTerminationDecision> Decisions => _decisions.IsDefault ? ImmutableArray<TaskTerminationDecision>.Empty : _decisions;

    /// <summary>Whether any task is to be deleted or given a tombstone.</summary>
    public bool HasDecisions => !_decisions.IsDefaultOrEmpty;

    /// <summary>
    /// When the Job is to be killed in this pass (its kill time was reached or a Job-level trigger fired): why.
    /// Set even when no task is left to delete. <see langword="null"/> otherwise, and always for a Job being deleted.
    /// </summary>
    public TerminationCause? KillCause { get; }

    /// <summary>
    /// Whether new tasks (first attempts, retries, remaining parallel indexes) may be created: false once
    /// <c>spec.killTimestamp</c> is set at all, even in the future, when the Job has the admission-error annotation
    /// (FURIKO-SEMANTICS 4, canCreateTask), and while the Job is being deleted (FURIKO-SEMANTICS 5.4).
    /// </summary>
    public bool CanCreateTasks { get; }

    /// <summary>
    /// Whether the Job's finalizer <c>execution.furiko.io/delete-dependents-finalizer</c> may be removed now: the Job
    /// is being deleted, still has the finalizer, and none of its tasks is left (FURIKO-SEMANTICS 5.4).
    /// </summary>
    public bool CanRemoveFinalizer { get; }

    /// <summary>
    /// The earliest time a termination decision can change by itself, and how long to wait for it (at least one
    /// second); <see langword="null"/> when only an event (a Pod or Job change) can change anything. TTL and retry
    /// delays are not included: they are not termination decisions.
    /// </summary>
    public TerminationWakeUp? WakeUp { get; }

    /// <summary>How long to wait before planning again (at least one second), or <see langword="null"/> for no timed wake-up.</summary>
    public Duration? RequeueAfter => WakeUp?.After;

    /// <summary>A plan that decides nothing, for a pass at <paramref name="evaluatedAt"/>.</summary>
    /// <param name="evaluatedAt">The instant of the pass.</param>
    /// <returns>An empty plan: nothing to delete, tasks may be created, finalizer kept, no wake-up.</returns>
    public static TerminationPlan Empty(Instant evaluatedAt) => new(evaluatedAt, ImmutableArray<TaskTerminationDecision>.Empty, null, true, false, null);

    /// <summary>
    /// The plan in words, one line per fact, for logs and dry runs ("explain"). Built only when asked for.
    /// </summary>
    /// <returns>The explanation.</returns>
    public string Explain()
    {
        var text = new StringBuilder();
        text.Append("Termination plan at ").Append(InstantPattern.ExtendedIso.Format(EvaluatedAt)).AppendLine(":");
        if (KillCause is { } kill)
        {
            text.Append("- kill the Job: ").Append(kill).AppendLine();
        }

        foreach (var decision in Decisions)
        {
            text.Append("- ").Append(decision).AppendLine();
        }

        if (!HasDecisions && KillCause is null)
        {
            text.AppendLine("- nothing to delete");
        }

        text.Append("- new tasks may ").Append(CanCreateTasks ? string.Empty : "not ").AppendLine("be created");
        if (CanRemoveFinalizer)
        {
            text.AppendLine("- the Job's finalizer may be removed");
        }

        text.Append("- next look: ").Append(WakeUp is { } wakeUp ? wakeUp.ToString() : "on the next event").AppendLine();
        return text.ToString();
    }

    /// <summary>The same as <see cref="Explain"/>.</summary>
    /// <returns>The explanation.</returns>
    public override string ToString() => Explain();
}
