using System.Text.Json;
using Furiko.Sdk.Models;
using k8s.Models;
using NodaTime;

namespace Furiko.Sdk.Status;

/// <summary>
/// Derives a Job's whole status from the Job and its live tasks at one moment, as Furiko's controller does
/// (FURIKO-SEMANTICS 6): task refs merged with tombstones, parallel status, condition (with the deletion
/// override and the consistent state of 7.5), state, phase, created and running task counts. Pure: no I/O,
/// time is a parameter, the inputs are never mutated and the result shares no object with them. Thread-safe.
/// </summary>
public static class JobStatusDeriver
{
    /// <summary>
    /// Derives the status from Pods: the Job's own Pods are picked out with <see cref="JobTaskSelector"/> and read with
    /// <see cref="PodTaskReader"/>; other Pods are ignored.
    /// </summary>
    /// <param name="job">The Job.</param>
    /// <param name="pods">Candidate Pods, typically those labelled with the Job's UID.</param>
    /// <param name="now">The time of the derivation.</param>
    /// <returns>A new status.</returns>
    /// <exception cref="ArgumentException">One of the Job's Pods cannot be read as a task (the message names the field).</exception>
    public static JobStatus DeriveFromPods(Job job, IEnumerable<V1Pod> pods, Instant now)
    {
        ArgumentNullException.ThrowIfNull(job);
        var selected = JobTaskSelector.Select(job, pods);
        var tasks = new ObservedTask[selected.Count];
        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i] = PodTaskReader.Read(selected[i]);
        }

        return Derive(job, tasks, now);
    }

    /// <summary>Derives the status from live tasks already read from their Pods.</summary>
    /// <param name="job">The Job; its current status supplies the stored task refs, start time and tombstones.</param>
    /// <param name="liveTasks">The Job's live tasks.</param>
    /// <param name="now">The time of the derivation.</param>
    /// <returns>A new status.</returns>
    public static JobStatus Derive(Job job, IReadOnlyList<ObservedTask> liveTasks, Instant now)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(liveTasks);

        var refs = TaskRefMerger.Merge(job.Status?.Tasks, liveTasks, now);
        var summary = ParallelStatusCalculator.Compute(job, refs);
        var condition = JobConditionCalculator.Compute(job, refs, summary, now);
        condition = JobDeletionOverride.Apply(job, condition, now);
        var parallelStatus = job.Spec.Template?.Parallelism is null ? null : summary.Status;

        long running = 0;
        foreach (var taskRef in refs)
        {
            if (taskRef.RunningTimestamp is not null && taskRef.FinishTimestamp is null)
            {
                running++;
            }
        }

        return new JobStatus
        {
            Phase = JobPhaseCalculator.Compute(job, condition, refs, parallelStatus, now),
            State = JobStateOf.Condition(condition),
            Condition = condition,
            StartTime = job.Status?.StartTime,
            CreatedTasks = refs.Count,
            RunningTasks = running,
            Tasks = refs.Count == 0 ? null : refs,
            ParallelStatus = parallelStatus,
            UnknownFields = job.Status?.UnknownFields is { } unknown
                ? new Dictionary<string, JsonElement>(unknown, StringComparer.Ordinal)
                : null,
        };
    }
}
