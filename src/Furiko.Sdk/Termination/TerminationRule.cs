namespace Furiko.Sdk.Termination;

/// <summary>
/// The rule that made a termination decision, for logs and dry runs ("explain"). An open set: the SDK's own
/// rules are the constants; a user trigger names its own rule. Compared ordinally. Immutable; thread-safe.
/// </summary>
/// <param name="Name">The rule's name, one CamelCase word, for example <c>PendingTimeout</c>.</param>
public readonly record struct TerminationRule(string Name)
{
    /// <summary>The Job's <c>spec.killTimestamp</c> was reached (FURIKO-SEMANTICS 4, 5.2).</summary>
    public static readonly TerminationRule KillTimestamp = new("KillTimestamp");

    /// <summary>A parallel Job's completion strategy decided its outcome; remaining tasks are killed (FURIKO-SEMANTICS 4).</summary>
    public static readonly TerminationRule ParallelCompletion = new("ParallelCompletion");

    /// <summary>A task stayed pending (not running) longer than its pending timeout (FURIKO-SEMANTICS 5.1).</summary>
    public static readonly TerminationRule PendingTimeout = new("PendingTimeout");

    /// <summary>A task's deletion did not complete within the force-deletion timeout (FURIKO-SEMANTICS 5.3).</summary>
    public static readonly TerminationRule ForceDeletionTimeout = new("ForceDeletionTimeout");

    /// <summary>The Job itself is being deleted and its finalizer waits for its tasks (FURIKO-SEMANTICS 5.4).</summary>
    public static readonly TerminationRule JobDeletion = new("JobDeletion");

    /// <summary>The rule's name.</summary>
    /// <returns>The name; empty for the default instance.</returns>
    public override string ToString() => Name ?? string.Empty;
}
