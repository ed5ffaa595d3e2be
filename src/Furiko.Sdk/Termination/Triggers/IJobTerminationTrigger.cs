using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using NodaTime;

namespace Furiko.Sdk.Termination.Triggers;

/// <summary>
/// An automatic, Job-level reason to kill a Job: when it fires, every task that is neither finished nor being
/// deleted is deleted gracefully with the tombstone <c>{Terminated, Killed}</c>, as for a reached
/// <c>spec.killTimestamp</c> (FURIKO-SEMANTICS 5.2). An open set: register more with
/// <c>AddJobTrigger</c> on the Furiko termination builder. The planner asks triggers in registration order
/// and records the first that fires. Not asked about a Job that is being deleted. Implementations must be pure
/// (no I/O, no clock: "now" is given) and thread-safe.
/// </summary>
public interface IJobTerminationTrigger
{
    /// <summary>The rule this trigger stands for, recorded as the cause of its decisions (for example <c>ParallelCompletion</c>).</summary>
    TerminationRule Rule { get; }

    /// <summary>Decides whether to kill the Job's remaining tasks.</summary>
    /// <param name="job">The Job.</param>
    /// <param name="tasks">The Job's live tasks.</param>
    /// <param name="now">The instant of the planning pass.</param>
    /// <returns>Not due, scheduled for later, or due now.</returns>
    JobTriggerDecision Evaluate(Job job, IReadOnlyList<ObservedTask> tasks, Instant now);
}
