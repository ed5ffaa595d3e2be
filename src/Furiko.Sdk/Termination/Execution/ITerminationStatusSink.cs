using Furiko.Sdk.Models;
using Furiko.Sdk.Termination.Planning;

namespace Furiko.Sdk.Termination.Execution;

/// <summary>
/// Records tombstones in a Job's status (<c>status.tasks[].deletedStatus</c>, matched by task name) before the
/// engine sends the deletes they belong to (FURIKO-SEMANTICS 7.8). The Kubernetes implementation writes through
/// the status subresource; <c>Furiko.Sdk.Testing</c> has an in-memory one. Implementations must be thread-safe.
/// </summary>
public interface ITerminationStatusSink
{
    /// <summary>
    /// Records the tombstones, each by its <see cref="TombstoneWrite.Mode"/> (see <see cref="TombstoneWrite.Apply"/>).
    /// Completes only once they are stored; throws when they could not be, and the engine then sends no delete.
    /// </summary>
    /// <param name="job">The Job the tasks belong to.</param>
    /// <param name="tombstones">The tombstones, at most one per task, in the plan's order. Never empty.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the tombstones are stored.</returns>
    ValueTask WriteTombstonesAsync(Job job, IReadOnlyList<TombstoneWrite> tombstones, CancellationToken cancellationToken);
}
