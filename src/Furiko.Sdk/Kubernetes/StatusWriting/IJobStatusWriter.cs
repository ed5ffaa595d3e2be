using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using Furiko.Sdk.Termination.Execution;
using Furiko.Sdk.Termination.Planning;
using NodaTime;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// Writes a Job's status through the <c>status</c> subresource, conditional on the <c>resourceVersion</c> it was
/// computed from. As the engine's <see cref="ITerminationStatusSink"/> it stores a pass's tombstones ahead of the
/// deletes (FURIKO-SEMANTICS 7.8); after the deletes, <see cref="WriteStatusAsync"/> stores the status derived from
/// what is left. On a 409 Conflict both read the Job again, apply the pass's tombstones to it, derive the status
/// anew and retry (a bounded number of times), so no tombstone is lost to a concurrent change. Implementations are
/// thread-safe.
/// </summary>
public interface IJobStatusWriter : ITerminationStatusSink
{
    /// <summary>
    /// Writes the status derived from the Job and its live tasks (<see cref="JobStatusDeriver.Derive"/>), with the
    /// tombstones applied, unless it equals the stored status (then nothing is sent).
    /// </summary>
    /// <param name="job">The Job as read, with its stored status and <c>metadata.resourceVersion</c>.</param>
    /// <param name="tasks">The Job's live tasks, read after the pass's deletes.</param>
    /// <param name="tombstones">The pass's tombstones, re-applied on every retry; empty for none.</param>
    /// <param name="now">The instant of the derivation (the pass's "now").</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The Job as stored afterwards, and whether a write was sent.</returns>
    /// <exception cref="ArgumentException">The Job lacks its namespace, name, UID or resourceVersion.</exception>
    /// <exception cref="FurikoApiNotFoundException">The Job is gone (also when another Job of the same name, with another UID, replaced it).</exception>
    /// <exception cref="FurikoApiConflictException">The Job kept changing for every attempt allowed.</exception>
    /// <exception cref="FurikoApiException">Another failure of the API server.</exception>
    Task<JobStatusWriteResult> WriteStatusAsync(
        Job job, IReadOnlyList<ObservedTask> tasks, IReadOnlyList<TombstoneWrite> tombstones, Instant now, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the finalizer <c>execution.furiko.io/delete-dependents-finalizer</c>, which lets the API server finish
    /// deleting the Job (FURIKO-SEMANTICS 5.4). Call it once the plan allows it (<see cref="TerminationPlan.CanRemoveFinalizer"/>)
    /// and after the last status write, since the Job may disappear at once.
    /// </summary>
    /// <param name="job">The Job.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns><see langword="true"/> when the finalizer is gone (removed now, or the Job is gone); <see langword="false"/> when the Job did not have it.</returns>
    /// <exception cref="FurikoApiException">The API server failed.</exception>
    Task<bool> RemoveFinalizerAsync(Job job, CancellationToken cancellationToken);
}
