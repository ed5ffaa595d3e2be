using Furiko.Sdk.Models;
using Furiko.Sdk.Text;
using NodaTime;

namespace Furiko.Sdk.Status;

/// <summary>
/// Computes a Job's condition from its task refs and parallel summary, with Furiko's precedence, reasons and
/// messages (FURIKO-SEMANTICS 6.4, steps 1 to 7). The deletion override is separate
/// (<see cref="JobDeletionOverride"/>). Pure; thread-safe.
/// </summary>
public static class JobConditionCalculator
{
    /// <summary>Computes the condition.</summary>
    /// <param name="job">The Job: its spec, annotations, start time and previous condition are read.</param>
    /// <param name="tasks">The merged task refs.</param>
    /// <param name="summary">The parallel summary computed from <paramref name="tasks"/>.</param>
    /// <param name="now">The time of the derivation.</param>
    /// <returns>A new condition with exactly one member set.</returns>
    public static JobCondition Compute(Job job, IReadOnlyList<TaskRef> tasks, ParallelSummary summary, Instant now)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(summary);

        if (job.Metadata.Annotations?.TryGetValue(FurikoAnnotations.AdmissionError, out var admissionError) == true)
        {
            return new JobCondition
            {
                Finished = new JobConditionFinished
                {
                    // The first finish time is kept across passes.
                    FinishTime = job.Status?.Condition.Finished?.FinishTime ?? now,
                    Result = JobResult.AdmissionError,
                    Reason = "AdmissionError",
                    Message = admissionError,
                },
            };
        }

        if (job.Status?.StartTime is null)
        {
            return new JobCondition { Queueing = Queueing(job.Spec.StartPolicy) };
        }

        Instant? latestCreated = null, latestRunning = null, latestFinished = null;
        for (var i = 0; i < tasks.Count; i++)
        {
            latestCreated = Latest(latestCreated, tasks[i].CreationTimestamp);
            latestRunning = Latest(latestRunning, tasks[i].RunningTimestamp);
            latestFinished = Latest(latestFinished, tasks[i].FinishTimestamp);
        }

        long indexCount = summary.IndexCount;
        var counters = summary.Counters;
        var killTimestamp = job.Spec.KillTimestamp;

        if (killTimestamp <= now)
        {
            if (counters.Terminated >= indexCount)
            {
                return Finished(latestCreated, latestRunning, latestFinished ?? killTimestamp, JobResult.Killed);
            }

            return Waiting("DeletingTasks", $"Waiting for {indexCount - counters.Terminated} out of {indexCount} task(s) to be deleted");
        }

        if (!summary.Status.Complete)
        {
            if (counters.Created < indexCount)
            {
                return Waiting("PendingCreation", $"Waiting for {indexCount - counters.Created} out of {indexCount} task(s) to be created");
            }

            if (counters.RetryBackoff > 0)
            {
                return Waiting("RetryBackoff", $"Waiting to retry creating {counters.RetryBackoff} task(s)");
            }

            if (counters.Starting > 0)
            {
                return Waiting("WaitingForTasks", $"Waiting for {counters.Starting} task(s) to start running");
            }

            return Running(latestCreated, latestRunning, terminatingTasks: null);
        }

        if (counters.Terminated < indexCount)
        {
            return Running(latestCreated, latestRunning, indexCount - counters.Terminated);
        }

        // A kill time that is set, even one still in the future, makes the result Killed (FURIKO-SEMANTICS 6.4 step 7).
        var result = killTimestamp is not null ? JobResult.Killed
            : summary.Status.Successful is { } successful ? (successful ? JobResult.Success : JobResult.Failed)
            : JobResult.FinalStateUnknown;
        return Finished(latestCreated, latestRunning, latestFinished, result);
    }

    private static JobConditionQueueing Queueing(StartPolicySpec? policy)
    {
        if (policy?.StartAfter is { } startAfter)
        {
            return new JobConditionQueueing
            {
                Reason = "NotYetDue",
                Message = $"Job is queued to start no earlier than {GoTimeFormat.Format(startAfter)}",
            };
        }

        if (policy is not null && policy.ConcurrencyPolicy == ConcurrencyPolicy.Enqueue)
        {
            return new JobConditionQueueing
            {
                Reason = "Queued",
                Message = "Job is queued and may be pending other concurrent jobs to be finished",
            };
        }

        return new JobConditionQueueing();
    }

    private static JobCondition Waiting(string reason, string message) =>
        new() { Waiting = new JobConditionWaiting { Reason = reason, Message = message } };

    private static JobCondition Running(Instant? latestCreated, Instant? latestRunning, long? terminatingTasks) =>
        new()
        {
            Running = new JobConditionRunning
            {
                LatestTaskCreationTimestamp = latestCreated,
                LatestRunningTimestamp = latestRunning,
                TerminatingTasks = terminatingTasks,
            },
        };

    private static JobCondition Finished(Instant? latestCreated, Instant? latestRunning, Instant? finishTime, JobResult result) =>
        new()
        {
            Finished = new JobConditionFinished
            {
                LatestCreationTimestamp = latestCreated,
                LatestRunningTimestamp = latestRunning,
                FinishTime = finishTime,
                Result = result,
            },
        };

    private static Instant? Latest(Instant? a, Instant? b) => a is null ? b : b is null ? a : Instant.Max(a.Value, b.Value);
}
