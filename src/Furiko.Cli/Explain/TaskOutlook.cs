using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using Furiko.Sdk.Termination.ForceDeletion;
using NodaTime;

namespace Furiko.Cli.Explain;

/// <summary>
/// What will happen to one live task: when its graceful deletion is (or was) asked for, and when it would be
/// force-deleted if its node never confirms (FURIKO-SEMANTICS 5.2, 5.3). For a task not yet deleted the
/// force-deletion time is the earliest possible: the kill time plus the Pod's grace period (the deletion
/// timestamp Kubernetes will set) plus the force-deletion timeout. Immutable.
/// </summary>
/// <param name="Task">The task as seen on its Pod.</param>
/// <param name="Deletion">When the graceful deletion happens or happened, in words.</param>
/// <param name="ForceAt">When it would be force-deleted; <see langword="null"/> when never.</param>
/// <param name="ForceNote">Why there is no force time, or a remark on it.</param>
internal sealed record TaskOutlook(ObservedTask Task, string Deletion, Instant? ForceAt, string ForceNote)
{
    /// <summary>The grace period Kubernetes uses when a Pod names none, in seconds.</summary>
    public const long DefaultGracePeriodSeconds = 30;

    /// <summary>Works out the outlook of a task.</summary>
    /// <param name="job">The task's Job.</param>
    /// <param name="task">The task.</param>
    /// <param name="killAt">When the Job is (or was) to be killed; <see langword="null"/> when no kill is requested or triggered.</param>
    /// <param name="now">The current time.</param>
    /// <param name="policy">The force-deletion policy in force.</param>
    /// <param name="forceTimeout">The force-deletion timeout of that policy (zero when disabled).</param>
    /// <param name="describe">Formats a time for people.</param>
    /// <returns>The outlook.</returns>
    public static TaskOutlook For(Job job, ObservedTask task, Instant? killAt, Instant now, IForceDeletionPolicy policy, Duration forceTimeout, Func<Instant, string> describe)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(describe);
        if (task.IsFinished && !task.IsDeleting)
        {
            // FURIKO-SEMANTICS 5.2: finished tasks are never touched by a kill.
            return new TaskOutlook(task, "none: finished tasks are not killed", null, "-");
        }

        if (task.DeletionTimestamp is { } deletedAt)
        {
            if (task.DeletionGracePeriodSeconds == 0)
            {
                return new TaskOutlook(task, $"deleting, grace period ends {describe(deletedAt)}", null, "already force-deleted");
            }

            var decision = policy.Evaluate(job, task, now);
            return decision.Verdict switch
            {
                ForceDeletionVerdict.Disabled => new TaskOutlook(task, $"deleting, grace period ends {describe(deletedAt)}", null, "never: force deletion is disabled"),
                ForceDeletionVerdict.Forbidden => new TaskOutlook(task, $"deleting, grace period ends {describe(deletedAt)}", null, "never: forbidden by spec.template.forbidTaskForceDeletion"),
                ForceDeletionVerdict.ForceNow => new TaskOutlook(task, $"deleting, grace period ended {describe(deletedAt)}", decision.Deadline, "due now, if the task is still there"),
                _ => new TaskOutlook(task, $"deleting, grace period ends {describe(deletedAt)}", decision.Deadline, "if the task is still there"),
            };
        }

        if (killAt is not { } kill)
        {
            return new TaskOutlook(task, "none: the Job is not being killed", null, "-");
        }

        var deleteAt = kill < now ? now : kill;
        var grace = Duration.FromSeconds(task.Pod?.Spec?.TerminationGracePeriodSeconds ?? DefaultGracePeriodSeconds);
        var deletion = $"{(kill <= now ? "due now" : "at the kill time")}, grace period {Sdk.Text.GoDuration.Format(grace)}";
        if (job.Spec?.Template?.ForbidTaskForceDeletion == true)
        {
            return new TaskOutlook(task, deletion, null, "never: forbidden by spec.template.forbidTaskForceDeletion");
        }

        return forceTimeout <= Duration.Zero
            ? new TaskOutlook(task, deletion, null, "never: force deletion is disabled")
            : new TaskOutlook(task, deletion, deleteAt + grace + forceTimeout, "at the earliest, if the task is still there");
    }
}
