using Furiko.Sdk.Text;
namespace Furiko.Sdk.Termination;

/// <summary>
/// The reasons and messages Furiko writes into tombstones, exactly as Furiko writes them (FURIKO-SEMANTICS 5.1,
/// 5.3, 5.4), so a Job handled by the SDK reads the same to users and tools.
/// </summary>
public static class TombstoneReasons
{
    /// <summary>Reason of a task killed because it stayed pending too long.</summary>
    public const string PendingTimeout = "PendingTimeout";

    /// <summary>Reason of a task that was force-deleted.</summary>
    public const string ForceDeleted = "ForceDeleted";

    /// <summary>Message of a task that was force-deleted.</summary>
    public const string ForceDeletedMessage = "Forcefully deleted the task, container may still be running";

    /// <summary>Reason of a task killed because its Job is being deleted.</summary>
    public const string JobDeleted = "JobDeleted";

    /// <summary>Message of a task killed because its Job is being deleted.</summary>
    public const string JobDeletedMessage = "Task was killed in response to deletion of Job";

    /// <summary>The message of a task killed by the pending timeout, for example <c>Task exceeded pending timeout of 15m0s</c>.</summary>
    /// <param name="timeout">The pending timeout in force.</param>
    /// <returns>The message, with the timeout in Go's duration format.</returns>
    public static string PendingTimeoutMessage(NodaTime.Duration timeout) => "Task exceeded pending timeout of " + GoDuration.Format(timeout);
}
