using Furiko.Sdk.Models;
using k8s.Models;

namespace Furiko.Sdk.Status;

/// <summary>
/// Reads a task from its live Pod the way Furiko's controller does (FURIKO-SEMANTICS 6.1): its state, result,
/// reason and message, running and finish times, per-container states, and its retry and parallel index read
/// back from the labels and annotation Furiko puts on task Pods. Pure: it looks only at the Pod, never at the
/// clock, and does not change the Pod. Thread-safe, as long as the Pod is not changed while it is read.
/// </summary>
public static class PodTaskReader
{
    /// <summary>Reads one task from its Pod.</summary>
    /// <param name="pod">The task's Pod, as listed from the cluster.</param>
    /// <returns>The task as seen on the Pod; <see cref="ObservedTask.Pod"/> refers to <paramref name="pod"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pod"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The Pod cannot be a task, and the message names the field and its value: it has no <c>metadata.name</c> or
    /// <c>metadata.creationTimestamp</c>; its <c>execution.furiko.io/task-retry-index</c> label is not a decimal number
    /// of 0 or more; its <c>execution.furiko.io/task-parallel-index</c> annotation is not a parallel index in JSON; or a
    /// time the rules read has <see cref="DateTimeKind.Local"/> (Kubernetes times are UTC).
    /// </exception>
    public static ObservedTask Read(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var source = new PodSource(pod);
        var metadata = pod.Metadata;

        if (string.IsNullOrEmpty(metadata?.Name))
        {
            throw source.Invalid("metadata.name", "is missing; a task's Pod always has a name.");
        }

        // Go's zero time (DateTime.MinValue) is how an unset creation time looks after a round trip through Go.
        if (metadata.CreationTimestamp is not { } creationTime || creationTime == default)
        {
            throw source.Invalid("metadata.creationTimestamp", "is missing; a Pod read from the cluster always has one.");
        }

        var created = source.Time(creationTime, "metadata.creationTimestamp")!.Value;
        var deleted = metadata.DeletionTimestamp == default(DateTime)
            ? null
            : source.Time(metadata.DeletionTimestamp, "metadata.deletionTimestamp");
        var (reason, message) = PodTaskReasonMessage.Decide(source);

        return new ObservedTask
        {
            Name = metadata.Name,
            Uid = metadata.Uid ?? string.Empty,
            CreationTimestamp = created,
            DeletionTimestamp = deleted,
            DeletionGracePeriodSeconds = metadata.DeletionGracePeriodSeconds,
            RunningTimestamp = PodTaskTimes.Running(source),
            FinishTimestamp = PodTaskTimes.Finish(source, created),
            Status = new TaskRefStatus
            {
                State = PodTaskStateRule.Decide(source, isDeleting: deleted is not null),
                Result = PodTaskResultRule.Decide(source),
                Reason = reason,
                Message = message,
            },
            NodeName = string.IsNullOrEmpty(pod.Spec?.NodeName) ? null : pod.Spec.NodeName,
            RetryIndex = PodTaskIndexes.RetryIndex(source),
            ParallelIndex = PodTaskIndexes.ParallelIndex(source),
            ParallelIndexHash = PodTaskIndexes.ParallelIndexHash(source),
            ContainerStates = PodContainerStates.Read(source),
            Pod = pod,
        };
    }
}
