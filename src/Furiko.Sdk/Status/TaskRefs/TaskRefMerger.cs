using System.Text.Json;
using Furiko.Sdk.Models;
using NodaTime;

namespace Furiko.Sdk.Status;

/// <summary>
/// Builds <c>status.tasks</c> from the previous task refs and the live tasks (FURIKO-SEMANTICS 6.2): a live task's
/// fresh ref replaces the stored one (keeping the stored tombstone and any running/finish time the fresh one
/// lacks); a finished live task's tombstone becomes a copy of its final status; a stored ref whose task is gone
/// is "lost" and takes its tombstone as status (or <c>DeletedFinalStateUnknown</c> without one) and a finish time
/// of now. Pure; never mutates its inputs; thread-safe.
/// </summary>
public static class TaskRefMerger
{
    /// <summary>Merges previous refs and live tasks into a new, sorted list of refs.</summary>
    /// <param name="previous">The Job's current <c>status.tasks</c>; <see langword="null"/> for none.</param>
    /// <param name="live">The Job's live tasks; a task not yet in <paramref name="previous"/> is added.</param>
    /// <param name="now">The time of the derivation, used as the finish time of lost tasks.</param>
    /// <returns>New refs in Furiko's order; no object is shared with the inputs.</returns>
    public static List<TaskRef> Merge(IList<TaskRef>? previous, IReadOnlyList<ObservedTask> live, Instant now)
    {
        ArgumentNullException.ThrowIfNull(live);
        var stored = new Dictionary<string, TaskRef>(previous?.Count ?? 0, StringComparer.Ordinal);
        if (previous is not null)
        {
            foreach (var taskRef in previous)
            {
                stored.TryAdd(taskRef.Name, taskRef);
            }
        }

        var merged = new List<TaskRef>(Math.Max(stored.Count, live.Count));
        var liveNames = new HashSet<string>(live.Count, StringComparer.Ordinal);
        for (var i = 0; i < live.Count; i++)
        {
            var task = live[i];
            if (!liveNames.Add(task.Name))
            {
                continue; // the same Pod listed twice counts once
            }

            merged.Add(Refresh(stored.GetValueOrDefault(task.Name), task));
        }

        if (previous is not null)
        {
            foreach (var taskRef in previous)
            {
                if (!liveNames.Contains(taskRef.Name) && ReferenceEquals(stored[taskRef.Name], taskRef))
                {
                    merged.Add(Lost(taskRef, now));
                }
            }
        }

        // Live tasks usually arrive in creation order already. Names are unique here, so the order is total and
        // leaving an ordered list as it is gives exactly what sorting it would.
        if (!IsOrdered(merged))
        {
            merged.Sort(TaskRefOrder.Instance);
        }

        return merged;
    }

    /// <summary>The ref a live task has on its own, before merging with a stored ref.</summary>
    /// <param name="task">The live task.</param>
    /// <returns>A new ref.</returns>
    public static TaskRef ToTaskRef(ObservedTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var containerStates = new List<TaskContainerState>(task.ContainerStates.Count);
        foreach (var state in task.ContainerStates)
        {
            containerStates.Add(state.DeepClone());
        }

        return new TaskRef
        {
            Name = task.Name,
            CreationTimestamp = task.CreationTimestamp,
            RunningTimestamp = task.RunningTimestamp,
            FinishTimestamp = task.FinishTimestamp,
            RetryIndex = task.RetryIndex,
            ParallelIndex = task.ParallelIndex?.DeepClone(),
            Status = task.Status.DeepClone(),
            NodeName = task.NodeName,
            ContainerStates = containerStates,
        };
    }

    private static bool IsOrdered(List<TaskRef> refs)
    {
        for (var i = 1; i < refs.Count; i++)
        {
            if (TaskRefOrder.Instance.Compare(refs[i - 1], refs[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static TaskRef Refresh(TaskRef? stored, ObservedTask task)
    {
        var fresh = ToTaskRef(task);
        if (stored is not null)
        {
            // Set rather than derived: the tombstone survives; times once seen are not forgotten.
            fresh.DeletedStatus = stored.DeletedStatus?.DeepClone();
            fresh.RunningTimestamp ??= stored.RunningTimestamp;
            fresh.FinishTimestamp ??= stored.FinishTimestamp;
            fresh.ParallelIndex ??= stored.ParallelIndex?.DeepClone();
            fresh.UnknownFields = stored.UnknownFields is null
                ? null
                : new Dictionary<string, JsonElement>(stored.UnknownFields, StringComparer.Ordinal);
        }

        if (task.FinishTimestamp is not null)
        {
            // A finished task's tombstone is its final status (FURIKO-SEMANTICS 6.2).
            fresh.DeletedStatus = fresh.Status.DeepClone();
        }

        return fresh;
    }

    private static TaskRef Lost(TaskRef stored, Instant now)
    {
        var lost = stored.DeepClone();
        lost.FinishTimestamp ??= now;
        if (stored.DeletedStatus is not null)
        {
            lost.Status = stored.DeletedStatus.DeepClone();
        }
        else
        {
            // FURIKO-SEMANTICS 6.2: only the state changes; the last known result/reason stay.
            lost.Status.State = TaskState.DeletedFinalStateUnknown;
        }

        return lost;
    }
}
