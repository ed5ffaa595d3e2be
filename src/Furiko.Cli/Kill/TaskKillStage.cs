namespace Furiko.Cli.Kill;

/// <summary>Where one task stands in a kill, read from its entry in the Job's <c>status.tasks</c>.</summary>
internal enum TaskKillStage
{
    /// <summary>The task runs (or starts) and the controller has not deleted it yet.</summary>
    NotYetDeleted,

    /// <summary>The controller recorded a tombstone and deleted the task gracefully; its containers are stopping.</summary>
    DeletingGracefully,

    /// <summary>The graceful deletion did not finish in time and the controller force-deleted the task (reason <c>ForceDeleted</c>).</summary>
    ForceDeleted,

    /// <summary>The task has finished or is gone (it has a finish time).</summary>
    Finished,
}
