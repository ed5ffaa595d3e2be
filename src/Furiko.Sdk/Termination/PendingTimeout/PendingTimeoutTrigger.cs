using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using Furiko.Sdk.Termination.Triggers;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Furiko.Sdk.Termination.PendingTimeout;

/// <summary>
/// Kills a task that stayed pending too long (FURIKO-SEMANTICS 5.1). A task is pending when its live Pod has
/// neither a finish time nor a running time, so a Pod restarting in CrashLoopBackOff counts as pending again.
/// It is killed once <c>creationTimestamp + timeout &lt;= now</c> (inclusive), with the tombstone
/// <c>{Terminated, Killed, PendingTimeout, "Task exceeded pending timeout of 15m0s"}</c>; until then the deadline
/// is reported so the planner wakes up on time. A task being deleted is left alone. Immutable; thread-safe.
/// </summary>
public sealed class PendingTimeoutTrigger : ITaskTerminationTrigger
{
    private readonly long _defaultTimeoutSeconds;

    /// <summary>Creates the trigger with the controller-wide default timeout of the options.</summary>
    /// <param name="options">The termination options; <see cref="TerminationOptions.DefaultPendingTimeoutSeconds"/> is used.</param>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public PendingTimeoutTrigger(IOptions<TerminationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        TerminationOptionsValidator.ThrowIfInvalid(value);
        _defaultTimeoutSeconds = value.DefaultPendingTimeoutSeconds;
    }

    /// <inheritdoc />
    public TerminationRule Rule => TerminationRule.PendingTimeout;

    /// <summary>
    /// The pending timeout in force for a Job, in seconds: <c>spec.template.taskPendingTimeoutSeconds</c> when set and
    /// not negative (0 disables the timeout for this Job), else the options' default. A negative per-Job value, which
    /// Furiko's validation rejects, falls back to the default as in Furiko (FURIKO-SEMANTICS 2, 7.11).
    /// </summary>
    /// <param name="job">The Job.</param>
    /// <returns>The timeout in seconds; 0 or less means none.</returns>
    public long EffectiveTimeoutSeconds(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Spec?.Template?.TaskPendingTimeoutSeconds is { } own && own >= 0 ? own : _defaultTimeoutSeconds;
    }

    /// <inheritdoc />
    public TaskTriggerDecision Evaluate(Job job, ObservedTask task, Instant now)
    {
        ArgumentNullException.ThrowIfNull(task);
        var timeoutSeconds = EffectiveTimeoutSeconds(job);
        if (timeoutSeconds <= 0 || task.IsFinished || task.RunningTimestamp is not null || task.IsDeleting)
        {
            return TaskTriggerDecision.NotDue;
        }

        if (TimeoutDeadline.After(task.CreationTimestamp, timeoutSeconds) is not { } deadline)
        {
            return TaskTriggerDecision.NotDue;
        }

        if (deadline > now)
        {
            return TaskTriggerDecision.Scheduled(deadline);
        }

        return TaskTriggerDecision.Due(
            deadline,
            TombstoneReasons.PendingTimeout,
            TombstoneReasons.PendingTimeoutMessage(Duration.FromSeconds(timeoutSeconds)));
    }
}
