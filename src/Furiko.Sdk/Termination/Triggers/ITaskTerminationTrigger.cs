using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using NodaTime;

namespace Furiko.Sdk.Termination.Triggers;

/// <summary>
/// An automatic, task-level reason to kill one task (the pending timeout is one): when it fires the task is
/// deleted gracefully and its tombstone is overwritten with <c>{Terminated, Killed, reason, message}</c>
/// (FURIKO-SEMANTICS 5.1). An open set: register more with <c>AddTaskTrigger</c> on the Furiko termination builder.
/// The planner asks triggers in registration order about each task that is neither finished nor being deleted,
/// keeps the first that fires, and does so before the kill step, so that reason wins (FURIKO-SEMANTICS 7.2).
/// Not asked about the tasks of a Job that is being deleted. Implementations must be pure (no I/O, no clock:
/// "now" is given) and thread-safe.
/// </summary>
public interface ITaskTerminationTrigger
{
    /// <summary>The rule this trigger stands for, recorded as the cause of its decisions (for example <c>PendingTimeout</c>).</summary>
    TerminationRule Rule { get; }

    /// <summary>Decides whether to kill one task.</summary>
    /// <param name="job">The task's Job.</param>
    /// <param name="task">The task, as seen on its live Pod.</param>
    /// <param name="now">The instant of the planning pass.</param>
    /// <returns>Not due, scheduled for later, or due now with the tombstone's reason and message.</returns>
    TaskTriggerDecision Evaluate(Job job, ObservedTask task, Instant now);
}
