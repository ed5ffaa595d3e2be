using Furiko.Sdk.Models;

namespace Furiko.Sdk.Status;

/// <summary>Where a Job stands, read from its status (FURIKO-SEMANTICS 1). Thread-safe.</summary>
public static class JobStatusPredicates
{
    /// <summary>Whether the Job has started and its phase is not terminal.</summary>
    /// <param name="job">The Job.</param>
    /// <returns><see langword="true"/> for an active Job.</returns>
    public static bool IsActive(this Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Status?.StartTime is not null && !job.Status.Phase.IsTerminal;
    }

    /// <summary>Whether the Job has not started and its phase is not terminal.</summary>
    /// <param name="job">The Job.</param>
    /// <returns><see langword="true"/> for a queued Job.</returns>
    public static bool IsQueued(this Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Status?.StartTime is null && !(job.Status?.Phase.IsTerminal ?? false);
    }

    /// <summary>Whether the Job's phase is terminal (Succeeded, Failed, Killed, AdmissionError, FinishedUnknown).</summary>
    /// <param name="job">The Job.</param>
    /// <returns><see langword="true"/> for a finished Job.</returns>
    public static bool IsFinished(this Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Status?.Phase.IsTerminal ?? false;
    }
}
