using Furiko.Sdk.Models;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// Runs one reconcile of one Job for a controller that executes Furiko Jobs in place of Furiko's own JobController
/// (DESIGN.md, "Who owns a Job"): reads the Job and its Pods, derives the status, plans and carries out termination
/// (tombstones written ahead, then deletes), writes the derived status, removes the finalizer when allowed, records
/// Events, and says when to look again. It handles termination and status only: creating tasks (first attempts,
/// retries, parallel indexes) stays with the controller, which may create them when
/// <see cref="JobReconcileResult.CanCreateTasks"/> says so. Running it beside Furiko's own controller on the same Jobs
/// makes two status writers and is not supported.
/// </summary>
/// <remarks>
/// Passes are idempotent: run again at the same instant with nothing changed, a pass sends no write and no delete.
/// (Later on, time alone can change the derived status, for example the finish time Furiko's deletion override
/// gives a Job being deleted, FURIKO-SEMANTICS 6.4; the pass then writes it.) Every order of
/// writes is safe to interrupt: tombstones are stored before the deletes they belong to (FURIKO-SEMANTICS 7.8), the
/// status is written after them, the finalizer last; a pass cut short anywhere is completed by the next one, and no
/// later pass sends a Pod a second graceful or forced delete (FURIKO-SEMANTICS 7.9). Implementations are thread-safe; a controller should still not run
/// two passes for the same Job at once (a work queue keyed by Job guarantees that).
/// </remarks>
public interface IJobReconciler
{
    /// <summary>Reads the Job, then reconciles it; a Job that does not exist is reported as gone.</summary>
    /// <param name="namespaceName">The Job's namespace.</param>
    /// <param name="name">The Job's name.</param>
    /// <param name="cancellationToken">Abandons the pass; what was sent stays done, the next pass completes it.</param>
    /// <returns>What the pass did and when to look again.</returns>
    /// <exception cref="FurikoApiException">A call to the API server failed (after its retries); requeue with back-off.</exception>
    /// <exception cref="OperationCanceledException">The pass was abandoned.</exception>
    Task<JobReconcileResult> ReconcileAsync(string namespaceName, string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reconciles a Job already read (for example from an informer's cache). A stale copy is harmless: the status
    /// write is conditional on its resourceVersion and is redone on the current Job after a conflict.
    /// </summary>
    /// <param name="job">The Job as read from the API server, with namespace, name, UID and resourceVersion; not changed.</param>
    /// <param name="cancellationToken">Abandons the pass; what was sent stays done, the next pass completes it.</param>
    /// <returns>What the pass did and when to look again.</returns>
    /// <exception cref="ArgumentException">The Job lacks its namespace, name, UID or resourceVersion.</exception>
    /// <exception cref="FurikoApiException">A call to the API server failed (after its retries); requeue with back-off.</exception>
    /// <exception cref="OperationCanceledException">The pass was abandoned.</exception>
    Task<JobReconcileResult> ReconcileAsync(Job job, CancellationToken cancellationToken = default);
}
