using Furiko.Sdk.Status;
using Furiko.Sdk.Termination.Deletion;

namespace Furiko.Sdk.Termination.Planning;

/// <summary>
/// What the planner decided for one task in one pass: at most one delete (graceful or forced), the tombstone to
/// record first, and why. Immutable; thread-safe.
/// </summary>
/// <param name="Task">The task, as seen on its live Pod.</param>
/// <param name="Deletion">How to delete it; <see langword="null"/> when only a tombstone is written (a task already being deleted).</param>
/// <param name="Tombstone">The tombstone to record before deleting; <see langword="null"/> for none.</param>
/// <param name="Cause">Why: the rule, the instant of the pass, and the deadline reached.</param>
public readonly record struct TaskTerminationDecision(
    ObservedTask Task,
    TaskDeletionMode? Deletion,
    TombstoneWrite? Tombstone,
    TerminationCause Cause)
{
    /// <summary>For logs and dry runs, for example <c>task job-gezdqo-0: Graceful delete, tombstone Overwrite {...}; because PendingTimeout: ...</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var deletion = Deletion is { } mode ? $"{mode} delete" : "no delete";
        var tombstone = Tombstone is { } write ? $"tombstone {write}" : "no tombstone";
        return $"task {Task.Name}: {deletion}, {tombstone}; because {Cause}";
    }
}
