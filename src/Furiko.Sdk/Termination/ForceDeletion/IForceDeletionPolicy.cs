using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using NodaTime;

namespace Furiko.Sdk.Termination.ForceDeletion;

/// <summary>
/// Decides whether a task whose Pod is being deleted (it has a <c>deletionTimestamp</c>) should now be
/// force-deleted (grace period 0), the last resort when its node never confirms the deletion. The planner asks
/// about every such task, whoever deleted it and also while the Job itself is being deleted
/// (FURIKO-SEMANTICS 5.3, 7.3), except a Pod already force-deleted (FURIKO-SEMANTICS 7.9). Replace it, for example,
/// to force only Pods on nodes known to be down. Implementations must be pure (no I/O, no clock:
/// "now" is given) and thread-safe.
/// </summary>
public interface IForceDeletionPolicy
{
    /// <summary>Decides about one task being deleted.</summary>
    /// <param name="job">The task's Job.</param>
    /// <param name="task">The task; its <see cref="ObservedTask.DeletionTimestamp"/> is set.</param>
    /// <param name="now">The instant of the planning pass.</param>
    /// <returns>Never (disabled or forbidden), not yet (with the deadline), or force now.</returns>
    ForceDeletionDecision Evaluate(Job job, ObservedTask task, Instant now);
}
