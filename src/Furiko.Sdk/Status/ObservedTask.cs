using Furiko.Sdk.Models;
using k8s.Models;
using NodaTime;

namespace Furiko.Sdk.Status;

/// <summary>
/// One task of a Job as seen on its live Pod at one moment: the facts status derivation and the termination
/// planner decide on. Immutable; thread-safe.
/// </summary>
public sealed record ObservedTask
{
    /// <summary>The Pod's name (the task's name).</summary>
    public required string Name { get; init; }

    /// <summary>The Pod's UID; deletes carry it as a precondition. Empty when the Pod has none (a test object).</summary>
    public string Uid { get; init; } = string.Empty;

    /// <summary>When the Pod was created.</summary>
    public required Instant CreationTimestamp { get; init; }

    /// <summary>When the Pod's deletion was requested plus its grace period (Kubernetes' <c>deletionTimestamp</c>); <see langword="null"/> if not being deleted.</summary>
    public Instant? DeletionTimestamp { get; init; }

    /// <summary>
    /// The Pod's <c>metadata.deletionGracePeriodSeconds</c>: the grace period of the deletion in force, in seconds;
    /// <see langword="null"/> if not being deleted. Kubernetes sets it to 0 once the Pod was force-deleted but is
    /// still held by a finalizer, which tells the termination planner not to force it again (FURIKO-SEMANTICS 7.9).
    /// </summary>
    public long? DeletionGracePeriodSeconds { get; init; }

    /// <summary>
    /// The latest start time among the Pod's containers that are running or terminated now (init containers
    /// and last states ignored); <see langword="null"/> if none has started.
    /// </summary>
    public Instant? RunningTimestamp { get; init; }

    /// <summary>When the task finished; set only once the Pod's phase is Succeeded or Failed.</summary>
    public Instant? FinishTimestamp { get; init; }

    /// <summary>The task's status derived from the Pod (state, result, reason, message). Never <c>Killed</c>: that only comes from tombstones.</summary>
    public required TaskRefStatus Status { get; init; }

    /// <summary>The node the Pod is bound to; <see langword="null"/> if not scheduled.</summary>
    public string? NodeName { get; init; }

    /// <summary>The retry index, read back from the Pod's <c>execution.furiko.io/task-retry-index</c> label (0 when absent).</summary>
    public long RetryIndex { get; init; }

    /// <summary>
    /// The parallel index, read back from the Pod's <c>execution.furiko.io/task-parallel-index</c> annotation;
    /// <see langword="null"/> when the Pod has none.
    /// </summary>
    public ParallelIndex? ParallelIndex { get; init; }

    /// <summary>The Pod's <c>execution.furiko.io/task-parallel-index-hash</c> label, if any.</summary>
    public string? ParallelIndexHash { get; init; }

    /// <summary>
    /// The state of each app container as Furiko records it, in the order of the Pod's <c>status.containerStatuses</c>
    /// (which kubelet sorts by container name): the container's ID and, only while the container is terminated, the
    /// exit code, signal, reason and message of that termination (exit code 0 and nothing else otherwise).
    /// </summary>
    public IReadOnlyList<TaskContainerState> ContainerStates { get; init; } = [];

    /// <summary>The Pod this was read from; <see langword="null"/> when the task was built by hand (tests).</summary>
    public V1Pod? Pod { get; init; }

    /// <summary>Whether the task has finished (its Pod's phase is Succeeded or Failed).</summary>
    public bool IsFinished => FinishTimestamp is not null;

    /// <summary>Whether the Pod is being deleted.</summary>
    public bool IsDeleting => DeletionTimestamp is not null;
}
