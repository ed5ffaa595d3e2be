namespace Furiko.Sdk.Termination.Deletion;

/// <summary>What became of one task deletion. Immutable; thread-safe.</summary>
public readonly record struct TaskDeletionOutcome
{
    private TaskDeletionOutcome(TaskDeletionOutcomeKind kind, Exception? error)
    {
        Kind = kind;
        Error = error;
    }

    /// <summary>The API server accepted the delete.</summary>
    public static TaskDeletionOutcome Deleted => new(TaskDeletionOutcomeKind.Deleted, null);

    /// <summary>The Pod was already gone (404); a success.</summary>
    public static TaskDeletionOutcome AlreadyGone => new(TaskDeletionOutcomeKind.AlreadyGone, null);

    /// <summary>The UID precondition failed (409): another Pod has the name now.</summary>
    public static TaskDeletionOutcome Replaced => new(TaskDeletionOutcomeKind.Replaced, null);

    /// <summary>What became of the delete.</summary>
    public TaskDeletionOutcomeKind Kind { get; }

    /// <summary>For <see cref="TaskDeletionOutcomeKind.Failed"/>, what went wrong; otherwise <see langword="null"/>.</summary>
    public Exception? Error { get; }

    /// <summary>Whether the Pod is gone or going: <see cref="TaskDeletionOutcomeKind.Deleted"/> or <see cref="TaskDeletionOutcomeKind.AlreadyGone"/>.</summary>
    public bool Succeeded => Kind is TaskDeletionOutcomeKind.Deleted or TaskDeletionOutcomeKind.AlreadyGone;

    /// <summary>The delete failed.</summary>
    /// <param name="error">What went wrong.</param>
    /// <returns>The outcome.</returns>
    public static TaskDeletionOutcome Failed(Exception error) =>
        new(TaskDeletionOutcomeKind.Failed, error ?? throw new ArgumentNullException(nameof(error)));
}
