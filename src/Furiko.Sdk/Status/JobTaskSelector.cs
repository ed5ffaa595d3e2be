using k8s.Models;
using Furiko.Sdk.Models;

namespace Furiko.Sdk.Status;

/// <summary>
/// Picks a Job's tasks out of a set of Pods: those in the Job's namespace that carry its UID label and are
/// controlled by it (controller owner reference with its UID), plus those named in <c>status.tasks</c> that no
/// other object controls. A Pod that reuses a task's name but belongs to someone else is never taken.
/// Pure; thread-safe.
/// </summary>
public static class JobTaskSelector
{
    /// <summary>Selects the Job's Pods.</summary>
    /// <param name="job">The Job.</param>
    /// <param name="pods">Candidate Pods, for example those listed by the Job's UID label.</param>
    /// <returns>The Job's Pods, each once, in input order.</returns>
    public static IReadOnlyList<V1Pod> Select(Job job, IEnumerable<V1Pod> pods)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(pods);
        var uid = job.Metadata.Uid;
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var taskRef in job.Status?.Tasks ?? [])
        {
            named.Add(taskRef.Name);
        }

        var selected = new List<V1Pod>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            if (pod?.Metadata is { Name: { } name } meta && SameNamespace(job, meta) && Belongs(meta, uid, named) && taken.Add(name))
            {
                selected.Add(pod);
            }
        }

        return selected;
    }

    private static bool Belongs(V1ObjectMeta pod, string? jobUid, HashSet<string> named)
    {
        var controller = pod.OwnerReferences?.FirstOrDefault(owner => owner.Controller == true);
        var controlledByJob = controller is not null && !string.IsNullOrEmpty(jobUid) && controller.Uid == jobUid;
        var labelled = pod.Labels?.TryGetValue(FurikoLabels.JobUid, out var label) == true && label == jobUid;
        return (labelled && controlledByJob) || (named.Contains(pod.Name) && (controller is null || controlledByJob));
    }

    private static bool SameNamespace(Job job, V1ObjectMeta pod) =>
        string.Equals(job.Metadata.NamespaceProperty ?? string.Empty, pod.NamespaceProperty ?? string.Empty, StringComparison.Ordinal);
}
