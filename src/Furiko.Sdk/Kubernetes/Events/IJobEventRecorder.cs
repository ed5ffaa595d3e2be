using Furiko.Sdk.Models;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// Records Kubernetes Events about a Job. Events are a courtesy to people reading <c>kubectl describe</c>: a
/// recorder never throws for a failed Event (it logs it), so a reconcile never fails because of one.
/// Implementations are thread-safe.
/// </summary>
public interface IJobEventRecorder
{
    /// <summary>
    /// Records Events about a Job. They need not reach the API server in the order given (the default recorder sends
    /// several at once, <see cref="JobEventOptions.MaxConcurrentEvents"/>); each stands on its own.
    /// </summary>
    /// <param name="job">The Job the Events are about (its namespace, name, UID and resourceVersion are referenced).</param>
    /// <param name="events">The Events; nothing is sent for an empty list.</param>
    /// <param name="cancellationToken">Cancels the calls; the only failure that is thrown.</param>
    /// <returns>A task that completes when every Event was sent or given up.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    Task RecordAsync(Job job, IReadOnlyList<JobEvent> events, CancellationToken cancellationToken);
}
