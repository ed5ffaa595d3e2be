namespace Furiko.Sdk.Termination.Planning;

/// <summary>How a tombstone is written over the one a task may already have (<c>status.tasks[].deletedStatus</c>).</summary>
public enum TombstoneWriteMode
{
    /// <summary>Replace whatever is there (pending timeout, kill: FURIKO-SEMANTICS 5.1, 5.2).</summary>
    Overwrite,

    /// <summary>Write only when the task has no tombstone yet; an existing one is kept (Job deletion: FURIKO-SEMANTICS 5.4).</summary>
    IfUnset,

    /// <summary>
    /// Force deletion (FURIKO-SEMANTICS 5.3): when unset, write the whole tombstone; otherwise keep the existing
    /// state and result and replace only the reason and message.
    /// </summary>
    ForceUpdate,
}
