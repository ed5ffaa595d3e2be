using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using Furiko.Sdk.Termination.Planning;
using NodaTime;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// A Job's status with the tombstones of a termination pass applied (<see cref="TombstoneWrite.Apply"/>, entries
/// matched by task name): what the status writer stores ahead of the deletes (FURIKO-SEMANTICS 7.8), and again on
/// every retry after a conflict, so that no tombstone of the pass is lost. Pure; never changes its inputs; thread-safe.
/// </summary>
internal static class TombstonedStatus
{
    /// <summary>
    /// The given status with the tombstones applied to the entries of <c>status.tasks</c> that name their task.
    /// </summary>
    /// <param name="status">The status, typically the one derived for the pass.</param>
    /// <param name="tombstones">The tombstones.</param>
    /// <param name="result">A copy of the status with the tombstones applied.</param>
    /// <param name="unlisted">The first task that has a tombstone but no entry in the status, or <see langword="null"/>.</param>
    /// <returns>Whether any tombstone differs from the one stored.</returns>
    public static bool Apply(JobStatus? status, IReadOnlyList<TombstoneWrite> tombstones, out JobStatus result, out string? unlisted)
    {
        result = status is null ? new JobStatus() : JobStatusJson.Clone(status);
        unlisted = null;
        var changed = false;
        foreach (var write in tombstones)
        {
            if (Find(result.Tasks, write.TaskName) is not { } taskRef)
            {
                unlisted ??= write.TaskName;
                continue;
            }

            changed |= ApplyTo(taskRef, write);
        }

        return changed;
    }

    /// <summary>
    /// The status derived from the Job and its live tasks (<see cref="JobStatusDeriver.Derive"/>) with the tombstones
    /// applied: first to the stored entries, so that a task already gone takes its tombstone as its status, then to
    /// the entries of tasks the derivation added. A tombstone for a task that is neither stored nor live is dropped:
    /// the Job never knew the task, and it is gone.
    /// </summary>
    /// <param name="job">The Job as read; its stored status supplies the task entries.</param>
    /// <param name="tasks">The Job's live tasks.</param>
    /// <param name="tombstones">The tombstones of the pass.</param>
    /// <param name="now">The instant of the derivation.</param>
    /// <returns>A new status.</returns>
    public static JobStatus Derive(Job job, IReadOnlyList<ObservedTask> tasks, IReadOnlyList<TombstoneWrite> tombstones, Instant now)
    {
        var source = job;
        if (tombstones.Count > 0 && job.Status is { } stored)
        {
            Apply(stored, tombstones, out var withTombstones, out _);
            source = JobStatusJson.WithStatus(job, withTombstones);
        }

        var derived = JobStatusDeriver.Derive(source, tasks, now);
        foreach (var write in tombstones)
        {
            if (Find(job.Status?.Tasks, write.TaskName) is null && Find(derived.Tasks, write.TaskName) is { } added)
            {
                ApplyTo(added, write);
            }
        }

        return derived;
    }

    /// <summary>The entry of the named task, or <see langword="null"/>.</summary>
    public static TaskRef? Find(IList<TaskRef>? refs, string taskName)
    {
        if (refs is null)
        {
            return null;
        }

        foreach (var taskRef in refs)
        {
            if (taskRef is not null && string.Equals(taskRef.Name, taskName, StringComparison.Ordinal))
            {
                return taskRef;
            }
        }

        return null;
    }

    private static bool ApplyTo(TaskRef taskRef, TombstoneWrite write)
    {
        var before = taskRef.DeletedStatus;
        var after = write.Apply(before);
        taskRef.DeletedStatus = after;
        return !JobStatusJson.AreEqual(before, after);
    }
}
