using Furiko.Sdk.Models;

namespace Furiko.Sdk.Termination;

/// <summary>
/// A task's tombstone (<c>status.tasks[].deletedStatus</c>): the status the task takes once its Pod is gone.
/// The termination planner decides one before it deletes a task. Immutable; thread-safe.
/// </summary>
/// <param name="State">The task state, <see cref="TaskState.Terminated"/> for every tombstone the SDK writes.</param>
/// <param name="Result">The task result, <see cref="TaskResult.Killed"/> for every tombstone the SDK writes.</param>
/// <param name="Reason">One CamelCase word saying why (for example <c>PendingTimeout</c>), or <see langword="null"/>.</param>
/// <param name="Message">A sentence for people, or <see langword="null"/>.</param>
public readonly record struct Tombstone(TaskState State, TaskResult? Result, string? Reason, string? Message)
{
    /// <summary>The tombstone of a killed task: <c>{Terminated, Killed}</c>, no reason and no message (FURIKO-SEMANTICS 5.2).</summary>
    public static Tombstone Killed => new(TaskState.Terminated, TaskResult.Killed, null, null);

    /// <summary>
    /// The tombstone of a task killed because the Job is being deleted:
    /// <c>{Terminated, Killed, JobDeleted, "Task was killed in response to deletion of Job"}</c> (FURIKO-SEMANTICS 5.4).
    /// </summary>
    public static Tombstone JobDeleted =>
        new(TaskState.Terminated, TaskResult.Killed, TombstoneReasons.JobDeleted, TombstoneReasons.JobDeletedMessage);

    /// <summary>
    /// The tombstone of a force-deleted task whose tombstone was unset:
    /// <c>{Terminated, Killed, ForceDeleted, "Forcefully deleted the task, container may still be running"}</c>
    /// (FURIKO-SEMANTICS 5.3). An existing tombstone keeps its state and result; see <see cref="Planning.TombstoneWriteMode.ForceUpdate"/>.
    /// </summary>
    public static Tombstone ForceDeleted =>
        new(TaskState.Terminated, TaskResult.Killed, TombstoneReasons.ForceDeleted, TombstoneReasons.ForceDeletedMessage);

    /// <summary>
    /// A tombstone of a task killed by a rule that names itself: <c>{Terminated, Killed, reason, message}</c>.
    /// </summary>
    /// <param name="reason">One CamelCase word saying why, or <see langword="null"/>.</param>
    /// <param name="message">A sentence for people, or <see langword="null"/>.</param>
    /// <returns>The tombstone.</returns>
    public static Tombstone KilledBecause(string? reason, string? message) => new(TaskState.Terminated, TaskResult.Killed, reason, message);

    /// <summary>A new <see cref="TaskRefStatus"/> holding this tombstone, for writing into a Job's status.</summary>
    /// <returns>A new object; the caller owns it.</returns>
    public TaskRefStatus ToTaskRefStatus() => new() { State = State, Result = Result, Reason = Reason, Message = Message };

    /// <summary>The tombstone as <c>{state, result, reason, message}</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{{{State}, {Result}, {Reason}, {Message}}}";
}
