namespace Furiko.Sdk.Termination.Deletion;

/// <summary>
/// Deletes one task's Pod, gracefully or by force, with the Pod's UID as a precondition. The Kubernetes
/// implementation talks to the API server; <c>Furiko.Sdk.Testing</c> has a fake that records requests.
/// Implementations must be thread-safe: the engine sends several deletes at once.
/// </summary>
public interface ITaskDeletionStrategy
{
    /// <summary>Deletes one Pod.</summary>
    /// <param name="request">Which Pod, its UID precondition, and how.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>
    /// Deleted; AlreadyGone (404, a success); Replaced (409 on the UID precondition); or Failed with the error.
    /// An exception thrown instead is treated by the engine as Failed.
    /// </returns>
    ValueTask<TaskDeletionOutcome> DeleteAsync(TaskDeletionRequest request, CancellationToken cancellationToken);
}
