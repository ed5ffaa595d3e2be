using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Furiko.Sdk.Termination.ForceDeletion;

/// <summary>
/// Furiko's rule (FURIKO-SEMANTICS 5.3): force-delete a task once <c>deletionTimestamp + timeout &lt;= now</c>
/// (inclusive), the timeout being <see cref="TerminationOptions.ForceDeleteTaskTimeoutSeconds"/> (no per-Job
/// value); never when that is 0, or when the Job sets <c>spec.template.forbidTaskForceDeletion</c>. The time is
/// measured from the Pod's <c>deletionTimestamp</c>, which already includes the grace period. Immutable; thread-safe.
/// </summary>
public sealed class ForceDeletionPolicy : IForceDeletionPolicy
{
    private readonly long _timeoutSeconds;

    /// <summary>Creates the policy with the timeout of the options.</summary>
    /// <param name="options">The termination options; <see cref="TerminationOptions.ForceDeleteTaskTimeoutSeconds"/> is used.</param>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public ForceDeletionPolicy(IOptions<TerminationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        TerminationOptionsValidator.ThrowIfInvalid(value);
        _timeoutSeconds = value.ForceDeleteTaskTimeoutSeconds;
    }

    /// <inheritdoc />
    public ForceDeletionDecision Evaluate(Job job, ObservedTask task, Instant now)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(task);
        if (_timeoutSeconds <= 0)
        {
            return ForceDeletionDecision.Disabled;
        }

        if (job.Spec?.Template?.ForbidTaskForceDeletion == true)
        {
            return ForceDeletionDecision.Forbidden;
        }

        if (task.DeletionTimestamp is not { } deletedAt)
        {
            // Not being deleted: nothing to force, and no time at which that changes by itself.
            return ForceDeletionDecision.NotYet(null);
        }

        if (TimeoutDeadline.After(deletedAt, _timeoutSeconds) is not { } deadline)
        {
            return ForceDeletionDecision.NotYet(null);
        }

        return deadline <= now ? ForceDeletionDecision.Now(deadline) : ForceDeletionDecision.NotYet(deadline);
    }
}
