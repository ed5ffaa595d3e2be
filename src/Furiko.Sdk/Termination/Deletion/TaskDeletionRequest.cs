using System.Globalization;

namespace Furiko.Sdk.Termination.Deletion;

/// <summary>
/// A request to delete one task's Pod, carrying the Pod's UID as a precondition so that a new Pod that reuses
/// the name is never deleted by mistake (FURIKO-SEMANTICS 7.7). Immutable; thread-safe.
/// </summary>
public sealed record TaskDeletionRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="namespace">The Pod's namespace.</param>
    /// <param name="podName">The Pod's (task's) name.</param>
    /// <param name="podUid">The Pod's UID, sent as a precondition.</param>
    /// <param name="mode">Graceful or forced.</param>
    /// <param name="gracePeriodSeconds">
    /// For a graceful delete, a grace period in seconds to send; <see langword="null"/> (the usual) lets the Pod's own
    /// <c>terminationGracePeriodSeconds</c> apply. Must be <see langword="null"/> or 0 for a forced delete.
    /// </param>
    /// <exception cref="ArgumentException">A name or the UID is empty, or the grace period does not fit the mode.</exception>
    public TaskDeletionRequest(string @namespace, string podName, string podUid, TaskDeletionMode mode, long? gracePeriodSeconds = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentException.ThrowIfNullOrEmpty(podName);
        if (string.IsNullOrEmpty(podUid))
        {
            throw new ArgumentException(
                $"Pod {@namespace}/{podName} has no UID; a delete needs it as a precondition so a new Pod of the same name is never deleted.",
                nameof(podUid));
        }

        if (gracePeriodSeconds < 0 || (mode == TaskDeletionMode.Force && gracePeriodSeconds is > 0))
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Grace period {gracePeriodSeconds} s does not fit a {mode} delete of Pod {@namespace}/{podName}: it must be at least 0, and 0 for a forced delete."),
                nameof(gracePeriodSeconds));
        }

        Namespace = @namespace;
        PodName = podName;
        PodUid = podUid;
        Mode = mode;
        GracePeriodSeconds = gracePeriodSeconds;
    }

    /// <summary>The Pod's namespace.</summary>
    public string Namespace { get; }

    /// <summary>The Pod's (task's) name.</summary>
    public string PodName { get; }

    /// <summary>The Pod's UID, sent as a precondition.</summary>
    public string PodUid { get; }

    /// <summary>Graceful or forced.</summary>
    public TaskDeletionMode Mode { get; }

    /// <summary>The grace period given with the request, in seconds; <see langword="null"/> for the Pod's own.</summary>
    public long? GracePeriodSeconds { get; }

    /// <summary>The grace period to send, in seconds: 0 for a forced delete, else <see cref="GracePeriodSeconds"/>.</summary>
    public long? EffectiveGracePeriodSeconds => Mode == TaskDeletionMode.Force ? 0 : GracePeriodSeconds;

    /// <summary>For logs, for example <c>Force delete of default/job-gezdqo-0 (uid 1234)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Mode} delete of {Namespace}/{PodName} (uid {PodUid})";
}
