using NodaTime;

namespace Furiko.Sdk.Termination.ForceDeletion;

/// <summary>
/// The decision of an <see cref="IForceDeletionPolicy"/> about one task being deleted. Immutable; thread-safe.
/// </summary>
public readonly record struct ForceDeletionDecision
{
    private ForceDeletionDecision(ForceDeletionVerdict verdict, Instant? deadline)
    {
        Verdict = verdict;
        Deadline = deadline;
    }

    /// <summary>Never force: disabled in the options.</summary>
    public static ForceDeletionDecision Disabled => new(ForceDeletionVerdict.Disabled, null);

    /// <summary>Never force: forbidden for this Job or task.</summary>
    public static ForceDeletionDecision Forbidden => new(ForceDeletionVerdict.Forbidden, null);

    /// <summary>What was decided.</summary>
    public ForceDeletionVerdict Verdict { get; }

    /// <summary>
    /// When forcing is (for <see cref="ForceDeletionVerdict.NotYet"/>) or was (for
    /// <see cref="ForceDeletionVerdict.ForceNow"/>) due; <see langword="null"/> when there is no such time.
    /// </summary>
    public Instant? Deadline { get; }

    /// <summary>Whether the task is to be force-deleted now.</summary>
    public bool ForceNow => Verdict == ForceDeletionVerdict.ForceNow;

    /// <summary>Not yet: force at <paramref name="deadline"/> if the task is still there.</summary>
    /// <param name="deadline">When to force, after now; <see langword="null"/> to wait for an event instead of a time.</param>
    /// <returns>The decision.</returns>
    public static ForceDeletionDecision NotYet(Instant? deadline) => new(ForceDeletionVerdict.NotYet, deadline);

    /// <summary>Force-delete now.</summary>
    /// <param name="deadline">The deadline that was reached, if any.</param>
    /// <returns>The decision.</returns>
    public static ForceDeletionDecision Now(Instant? deadline) => new(ForceDeletionVerdict.ForceNow, deadline);
}
