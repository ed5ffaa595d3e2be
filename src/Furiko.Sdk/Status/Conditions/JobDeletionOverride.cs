using Furiko.Sdk.Models;
using NodaTime;

namespace Furiko.Sdk.Status;

/// <summary>
/// While a Job is being deleted (<c>metadata.deletionTimestamp</c> set) and its condition is not finished, the
/// condition becomes finished with result Killed (FURIKO-SEMANTICS 6.4, "Deletion override"): a running Job's
/// latest creation time serves as both latest creation and finish time; otherwise both are now. Unlike Furiko,
/// the state then reads Finished too (7.5): <see cref="JobStateOf"/> is applied to the overridden condition.
/// Pure; thread-safe.
/// </summary>
public static class JobDeletionOverride
{
    /// <summary>Applies the override when it is due.</summary>
    /// <param name="job">The Job.</param>
    /// <param name="condition">The condition computed by <see cref="JobConditionCalculator"/>.</param>
    /// <param name="now">The time of the derivation.</param>
    /// <returns>The overridden condition, or <paramref name="condition"/> itself when no override applies.</returns>
    public static JobCondition Apply(Job job, JobCondition condition, Instant now)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(condition);
        if (job.Metadata.DeletionTimestamp is null || condition.Finished is not null)
        {
            return condition;
        }

        var finished = new JobConditionFinished { Result = JobResult.Killed };
        if (condition.Running is { } running)
        {
            finished.LatestCreationTimestamp = running.LatestTaskCreationTimestamp;
            finished.FinishTime = running.LatestTaskCreationTimestamp;
            finished.LatestRunningTimestamp = running.LatestRunningTimestamp;
        }
        else
        {
            finished.LatestCreationTimestamp = now;
            finished.FinishTime = now;
        }

        return new JobCondition { Finished = finished };
    }
}
