using System.Collections.Immutable;
using Furiko.Sdk.Termination.Deletion;
using Furiko.Sdk.Termination.Planning;
using NodaTime;

namespace Furiko.Sdk.Termination.Execution;

/// <summary>
/// What one engine pass did for a Job: the plan, the tombstones written ahead, and what became of each delete.
/// Immutable; thread-safe.
/// </summary>
public sealed class TerminationResult
{
    internal TerminationResult(TerminationPlan plan, ImmutableArray<TombstoneWrite> tombstones, ImmutableArray<TaskDeletionResult> deletions)
    {
        Plan = plan;
        Tombstones = tombstones;
        Deletions = deletions;
    }

    /// <summary>The plan that was carried out.</summary>
    public TerminationPlan Plan { get; }

    /// <summary>The tombstones handed to the status sink before any delete was sent; empty when none.</summary>
    public ImmutableArray<TombstoneWrite> Tombstones { get; }

    /// <summary>One entry per delete sent, in the plan's order; empty when none.</summary>
    public ImmutableArray<TaskDeletionResult> Deletions { get; }

    /// <summary>
    /// Whether every delete reached its goal (deleted, or already gone). Failed deletes are retried on a later pass;
    /// a replaced task (another Pod has its name now) calls for reading the Job's tasks again.
    /// </summary>
    public bool AllDeletionsSucceeded
    {
        get
        {
            foreach (var deletion in Deletions)
            {
                if (!deletion.Outcome.Succeeded)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// How long to wait before the next pass: the plan's wake-up (at least one second), or <see langword="null"/>
    /// when only an event can change anything. After a failed delete, retry with the caller's own back-off.
    /// </summary>
    public Duration? RequeueAfter => Plan.RequeueAfter;

    /// <summary>Whether any delete failed (excluding tasks found replaced).</summary>
    public bool AnyDeletionFailed
    {
        get
        {
            foreach (var deletion in Deletions)
            {
                if (deletion.Outcome.Kind == TaskDeletionOutcomeKind.Failed)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
