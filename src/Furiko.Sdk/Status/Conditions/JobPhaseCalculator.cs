using Furiko.Sdk.Models;
using NodaTime;

namespace Furiko.Sdk.Status;

/// <summary>Computes a Job's phase from its condition and tasks, with Furiko's precedence (FURIKO-SEMANTICS 6.5). Pure; thread-safe.</summary>
public static class JobPhaseCalculator
{
    /// <summary>Computes the phase.</summary>
    /// <param name="job">The Job (its kill time is read).</param>
    /// <param name="condition">The Job's new condition.</param>
    /// <param name="tasks">The merged task refs, in Furiko's order.</param>
    /// <param name="parallelStatus">The parallel status, or <see langword="null"/> for a Job without parallelism.</param>
    /// <param name="now">The time of the derivation.</param>
    /// <returns>The phase.</returns>
    public static JobPhase Compute(Job job, JobCondition condition, IReadOnlyList<TaskRef> tasks, ParallelStatus? parallelStatus, Instant now)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(tasks);

        if (condition.Finished is { } finished)
        {
            var result = finished.Result;
            return result == JobResult.Success ? JobPhase.Succeeded
                : result == JobResult.Failed ? JobPhase.Failed
                : result == JobResult.Killed ? JobPhase.Killed
                : result == JobResult.AdmissionError ? JobPhase.AdmissionError
                : JobPhase.FinishedUnknown;
        }

        // Killing wins over every unfinished condition, even for a queued Job.
        if (job.Spec.KillTimestamp <= now)
        {
            return JobPhase.Killing;
        }

        if (condition.Running is { } running)
        {
            return running.TerminatingTasks > 0 ? JobPhase.Terminating : JobPhase.Running;
        }

        if (condition.Waiting is not null)
        {
            return tasks.Count == 0 ? JobPhase.Starting
                : parallelStatus is null ? WaitingPhaseOfSingleTask(tasks)
                : WaitingPhaseOfIndexes(parallelStatus);
        }

        return JobPhase.Queued;
    }

    private static JobPhase WaitingPhaseOfSingleTask(IReadOnlyList<TaskRef> tasks)
    {
        // The latest task finished while the Job waits: its retry is not created yet.
        if (tasks[^1].FinishTimestamp is not null)
        {
            return JobPhase.RetryBackoff;
        }

        return tasks.Count > 1 ? JobPhase.Retrying : JobPhase.Pending;
    }

    private static JobPhase WaitingPhaseOfIndexes(ParallelStatus parallelStatus)
    {
        var retrying = false;
        foreach (var index in parallelStatus.Indexes)
        {
            if (index.State == ParallelIndexState.RetryBackoff)
            {
                return JobPhase.RetryBackoff;
            }

            retrying |= index.State == ParallelIndexState.Starting && index.CreatedTasks > 1;
        }

        return retrying ? JobPhase.Retrying : JobPhase.Pending;
    }
}
