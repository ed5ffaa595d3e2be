using Furiko.Sdk.Models;
using k8s.Models;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// Finds the Pods of a Job's tasks on the cluster: those labelled <c>execution.furiko.io/job-uid=&lt;uid&gt;</c> in
/// the Job's namespace, plus those named in <c>status.tasks</c> that the label query did not return (a task Pod
/// whose labels were changed). Implementations are thread-safe.
/// </summary>
public interface IJobPodLookup
{
    /// <summary>
    /// Lists the candidate Pods: the label query (all pages), then a read of each Pod named in <c>status.tasks</c>
    /// that the query did not return (one that is not found is gone and left out). Candidates are not yet checked
    /// for ownership; pass them to <see cref="Status.JobTaskSelector.Select"/> or
    /// <see cref="Status.JobStatusDeriver.DeriveFromPods"/>, or use <see cref="ListJobPodsAsync"/>.
    /// </summary>
    /// <param name="job">The Job; it needs <c>metadata.namespace</c> and <c>metadata.uid</c>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The candidates: labelled Pods in list order, then named ones in <c>status.tasks</c> order, each once.</returns>
    /// <exception cref="ArgumentException">The Job lacks its namespace or UID.</exception>
    /// <exception cref="FurikoApiException">A call failed.</exception>
    Task<IReadOnlyList<V1Pod>> ListCandidatePodsAsync(Job job, CancellationToken cancellationToken = default);

    /// <summary>The Job's own Pods: the candidates filtered by <see cref="Status.JobTaskSelector.Select"/>.</summary>
    /// <param name="job">The Job; it needs <c>metadata.namespace</c> and <c>metadata.uid</c>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The Job's Pods.</returns>
    /// <exception cref="ArgumentException">The Job lacks its namespace or UID.</exception>
    /// <exception cref="FurikoApiException">A call failed.</exception>
    Task<IReadOnlyList<V1Pod>> ListJobPodsAsync(Job job, CancellationToken cancellationToken = default);
}
