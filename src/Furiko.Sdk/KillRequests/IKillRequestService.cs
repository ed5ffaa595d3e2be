using Furiko.Sdk.Kubernetes;

namespace Furiko.Sdk.KillRequests;

/// <summary>
/// Requests and cancels kills of Jobs on a cluster, the SDK's form of <c>furiko kill</c>: the rules of
/// <see cref="KillRequestRules"/> are checked before anything is written, and the only write is a merge patch of
/// <c>spec.killTimestamp</c> conditional on the Job's resourceVersion. Implementations are thread-safe.
/// </summary>
public interface IKillRequestService
{
    /// <summary>
    /// Asks for a Job to be killed. In this order: the arguments are checked; the kill time is worked out and
    /// refused if it is in the past (<see cref="KillRequestRules.ResolveKillTime"/>), before any call; the Job is
    /// read; the request is checked against it (<see cref="KillRequestRules.CheckAgainstJob"/>: finished Job,
    /// existing kill time without override, kill time that has passed); then <c>spec.killTimestamp</c> is patched,
    /// conditional on the resourceVersion read. If the Job changed meanwhile (409), it is read and checked again and
    /// the patch resent, a bounded number of times; if it then already has the requested kill time, nothing more is sent.
    /// </summary>
    /// <param name="namespaceName">The Job's namespace.</param>
    /// <param name="name">The Job's name.</param>
    /// <param name="request">When to kill and with which overrides.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The Job after the patch and the kill time set.</returns>
    /// <exception cref="ArgumentException">The namespace or name is empty.</exception>
    /// <exception cref="KillRequestRefusedException">A rule refused the request; nothing was written.</exception>
    /// <exception cref="FurikoApiNotFoundException">There is no such Job.</exception>
    /// <exception cref="FurikoApiConflictException">The Job kept changing under the request.</exception>
    Task<KillRequestResult> RequestKillAsync(string namespaceName, string name, KillRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels a kill that has not happened yet by clearing <c>spec.killTimestamp</c> (a merge patch with an
    /// explicit JSON <c>null</c>, conditional on the resourceVersion read; retried after a conflict like
    /// <see cref="RequestKillAsync"/>). Nothing is sent when the Job has no kill time. A kill time that has passed
    /// cannot be cleared (the validating webhook's rule, FURIKO-SEMANTICS 5.7).
    /// </summary>
    /// <param name="namespaceName">The Job's namespace.</param>
    /// <param name="name">The Job's name.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The Job afterwards and the kill time that was cleared (<see langword="null"/> when there was none).</returns>
    /// <exception cref="ArgumentException">The namespace or name is empty.</exception>
    /// <exception cref="KillRequestRefusedException">The kill time has passed; nothing was written.</exception>
    /// <exception cref="FurikoApiNotFoundException">There is no such Job.</exception>
    /// <exception cref="FurikoApiConflictException">The Job kept changing under the request.</exception>
    Task<KillCancellationResult> CancelKillAsync(string namespaceName, string name, CancellationToken cancellationToken = default);
}
