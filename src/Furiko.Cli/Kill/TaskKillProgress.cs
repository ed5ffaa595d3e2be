using Furiko.Sdk.Models;
using Furiko.Sdk.Termination;

namespace Furiko.Cli.Kill;

/// <summary>One task's part in a kill, read from a <see cref="TaskRef"/>. Immutable.</summary>
/// <param name="Name">The task's name.</param>
/// <param name="Stage">Where it stands.</param>
/// <param name="Result">Its result once finished (for example <c>Killed</c>); <see langword="null"/> before.</param>
/// <param name="Forced">Whether the controller force-deleted it (tombstone reason <c>ForceDeleted</c>).</param>
internal sealed record TaskKillProgress(string Name, TaskKillStage Stage, string? Result, bool Forced)
{
    /// <summary>Reads a task's progress from its entry in <c>status.tasks</c>.</summary>
    /// <param name="task">The entry.</param>
    /// <returns>The progress.</returns>
    public static TaskKillProgress Of(TaskRef task)
    {
        ArgumentNullException.ThrowIfNull(task);

        // FURIKO-SEMANTICS 5.3: force deletion replaces the tombstone's reason with ForceDeleted (and a lost task
        // takes its tombstone as status, FURIKO-SEMANTICS 6.2, so either may carry it).
        var forced = task.DeletedStatus?.Reason == TombstoneReasons.ForceDeleted || task.Status?.Reason == TombstoneReasons.ForceDeleted;
        var state = task.Status?.State;
        var finished = task.FinishTimestamp is not null || state == TaskState.Terminated || state == TaskState.DeletedFinalStateUnknown;
        TaskKillStage stage;
        if (finished)
        {
            stage = TaskKillStage.Finished;
        }
        else if (forced)
        {
            stage = TaskKillStage.ForceDeleted;
        }
        else if (task.DeletedStatus is not null || state == TaskState.Killing)
        {
            // FURIKO-SEMANTICS 5.2: the tombstone is written before the graceful delete.
            stage = TaskKillStage.DeletingGracefully;
        }
        else
        {
            stage = TaskKillStage.NotYetDeleted;
        }

        var result = finished && task.Status?.Result is { } r && !string.IsNullOrEmpty(r.Value) ? r.Value : null;
        return new TaskKillProgress(task.Name, stage, result, forced);
    }

    /// <summary>One line for people, for example <c>task job-gezdqo-0: force-deleted (Forcefully deleted the task, container may still be running)</c>.</summary>
    /// <returns>The text.</returns>
    public string Describe() => Stage switch
    {
        TaskKillStage.NotYetDeleted => $"task {Name}: running, not deleted yet",
        TaskKillStage.DeletingGracefully => $"task {Name}: deleting gracefully (containers stopping)",
        TaskKillStage.ForceDeleted => $"task {Name}: force-deleted ({TombstoneReasons.ForceDeletedMessage})",
        _ => $"task {Name}: finished{(Result is null ? string.Empty : ", result " + Result)}{(Forced ? " (force-deleted)" : string.Empty)}",
    };
}
