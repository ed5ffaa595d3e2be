namespace Furiko.Sdk.Termination.Deletion;

/// <summary>What became of a task deletion.</summary>
public enum TaskDeletionOutcomeKind
{
    /// <summary>The API server accepted the delete.</summary>
    Deleted,

    /// <summary>The Pod was already gone (404): the goal is reached, a success.</summary>
    AlreadyGone,

    /// <summary>
    /// The UID precondition failed (409): a different Pod now has the name. Nothing was deleted; do not retry
    /// blindly, read the task again.
    /// </summary>
    Replaced,

    /// <summary>The delete failed (for example the API server was unreachable); it is retried on a later pass.</summary>
    Failed,
}
