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
    /// <param name="status">The status, typically the one derived for the pass; not changed.</param>
    /// <param name="tombstones">The tombstones.</param>
    /// <param name="result">
    /// The status with the tombstones applied: a new status whose task list holds new entries where a tombstone changed
    /// and otherwise shares its members with <paramref name="status"/> (<see cref="JobStatusJson.WithOwnTaskList"/>);
    /// callers change neither afterwards.
    /// </param>
    /// <param name="unlisted">The first task that has a tombstone but no entry in the status, or <see langword="null"/>.</param>
    /// <returns>Whether any tombstone differs from the one stored.</returns>
    public static bool Apply(JobStatus? status, IReadOnlyList<TombstoneWrite> tombstones, out JobStatus result, out string? unlisted)
    {
        result = status is null ? new JobStatus() : JobStatusJson.WithOwnTaskList(status);
        unlisted = null;
        var changed = false;
        var tasks = result.Tasks;
        var entries = IndexByName(tasks);
        foreach (var write in tombstones)
        {
            if (tasks is null || write.TaskName is null || !entries.TryGetValue(write.TaskName, out var at))
            {
                unlisted ??= write.TaskName;
                continue;
            }

            var before = tasks[at].DeletedStatus;
            var after = write.Apply(before);
            if (!ReferenceEquals(before, after))
            {
                // A new entry, so the entry the given status holds keeps its tombstone.
                tasks[at] = JobStatusJson.WithDeletedStatus(tasks[at], after);
                changed |= !JobStatusJson.AreEqual(before, after);
            }
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
        if (tombstones.Count == 0)
        {
            return derived;
        }

        var storedEntries = IndexByName(job.Status?.Tasks);
        var derivedEntries = IndexByName(derived.Tasks);
        foreach (var write in tombstones)
        {
            if (write.TaskName is not null && !storedEntries.ContainsKey(write.TaskName) && derivedEntries.TryGetValue(write.TaskName, out var at))
            {
                // The derived status is new and shares nothing, so its entry takes the tombstone in place.
                var added = derived.Tasks![at];
                added.DeletedStatus = write.Apply(added.DeletedStatus);
            }
        }

        return derived;
    }

    /// <summary>
    /// Where each task's entry is in <c>status.tasks</c>, by task name; where two entries share a name, the first one
    /// listed (the one a search from the start would find). Built once per call so that applying N tombstones to N
    /// entries stays linear.
    /// </summary>
    private static Dictionary<string, int> IndexByName(IList<TaskRef>? refs)
    {
        var entries = new Dictionary<string, int>(refs?.Count ?? 0, StringComparer.Ordinal);
        for (var i = 0; i < (refs?.Count ?? 0); i++)
        {
            if (refs![i]?.Name is { } name)
            {
                entries.TryAdd(name, i);
            }
        }

        return entries;
    }
}
