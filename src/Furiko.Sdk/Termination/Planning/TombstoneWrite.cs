using System.Text.Json;
using Furiko.Sdk.Models;

namespace Furiko.Sdk.Termination.Planning;

/// <summary>
/// A tombstone to record for one task before it is deleted, and how to write it over an existing one.
/// Immutable; thread-safe.
/// </summary>
/// <param name="TaskName">The task's (Pod's) name, which identifies its entry in <c>status.tasks</c>.</param>
/// <param name="Tombstone">The tombstone.</param>
/// <param name="Mode">How to write it over an existing tombstone.</param>
public readonly record struct TombstoneWrite(string TaskName, Tombstone Tombstone, TombstoneWriteMode Mode)
{
    /// <summary>
    /// The task's tombstone after this write: what a status writer stores in <c>deletedStatus</c>.
    /// </summary>
    /// <param name="current">The task's current tombstone, or <see langword="null"/> when it has none.</param>
    /// <returns>
    /// <paramref name="current"/> itself when it is kept unchanged (<see cref="TombstoneWriteMode.IfUnset"/> with a
    /// tombstone present); otherwise a new object, so <paramref name="current"/> is never modified. A force update
    /// keeps the current state, result and unknown fields.
    /// </returns>
    public TaskRefStatus Apply(TaskRefStatus? current)
    {
        if (current is null || Mode == TombstoneWriteMode.Overwrite)
        {
            return Tombstone.ToTaskRefStatus();
        }

        if (Mode == TombstoneWriteMode.IfUnset)
        {
            return current;
        }

        return new TaskRefStatus
        {
            State = current.State,
            Result = current.Result,
            Reason = Tombstone.Reason,
            Message = Tombstone.Message,
            UnknownFields = current.UnknownFields is null ? null : new Dictionary<string, JsonElement>(current.UnknownFields),
        };
    }

    /// <summary>For logs, for example <c>overwrite {Terminated, Killed, PendingTimeout, ...}</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Mode} {Tombstone}";
}
