using Furiko.Sdk;
using k8s.Models;

namespace Furiko.Samples.Controller.Watching;

/// <summary>
/// Finds the Job a Pod belongs to, so that a change of the Pod wakes its Job: the Pod's controller owner reference
/// when it names an <c>execution.furiko.io</c> Job (same namespace), else its label <c>execution.furiko.io/job-uid</c>
/// looked up among the cached Jobs. Pure apart from the cache lookup; thread-safe.
/// </summary>
internal static class PodOwnership
{
    /// <summary>The key of the Pod's Job, or <see langword="null"/> when the Pod names none (or a Job not cached).</summary>
    /// <param name="pod">The Pod.</param>
    /// <param name="jobs">The cached Jobs, for the UID label.</param>
    /// <returns>The key.</returns>
    public static JobKey? JobOf(V1Pod pod, JobCache jobs)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(jobs);
        var meta = pod.Metadata;
        if (meta is null || string.IsNullOrEmpty(meta.NamespaceProperty))
        {
            return null;
        }

        var controller = meta.OwnerReferences?.FirstOrDefault(owner => owner?.Controller == true);
        if (controller is not null && IsFurikoJob(controller) && !string.IsNullOrEmpty(controller.Name))
        {
            return new JobKey(meta.NamespaceProperty, controller.Name);
        }

        if (meta.Labels?.TryGetValue(FurikoLabels.JobUid, out var uid) == true && !string.IsNullOrEmpty(uid)
            && jobs.KeyOfUid(uid) is { } key && key.Namespace == meta.NamespaceProperty)
        {
            return key;
        }

        return null;
    }

    private static bool IsFurikoJob(V1OwnerReference owner) =>
        owner.Kind == FurikoApi.JobKind
        && owner.ApiVersion is { } apiVersion
        && apiVersion.StartsWith(FurikoApi.Group + "/", StringComparison.Ordinal);
}
