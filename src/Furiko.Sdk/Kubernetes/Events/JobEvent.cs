namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// A Kubernetes Event about a Job, as <c>kubectl describe job</c> lists it. Immutable; thread-safe.
/// </summary>
/// <param name="Type"><see cref="JobEvent.Normal"/> or <see cref="JobEvent.Warning"/>.</param>
/// <param name="Reason">One CamelCase word, for example <c>Deleted</c>.</param>
/// <param name="Message">A sentence for people, for example <c>Deleted task my-job-gezdqo-0</c>.</param>
public sealed record JobEvent(string Type, string Reason, string Message)
{
    /// <summary>The Event type of something expected.</summary>
    public const string Normal = "Normal";

    /// <summary>The Event type of something a user should notice.</summary>
    public const string Warning = "Warning";

    /// <summary>A task's Pod was deleted gracefully: Warning <c>Deleted</c>, <c>Deleted task &lt;name&gt;</c> (FURIKO-SEMANTICS 3, Events).</summary>
    /// <param name="taskName">The task's (Pod's) name.</param>
    /// <returns>The Event.</returns>
    public static JobEvent TaskDeleted(string taskName) => new(Warning, JobEventReasons.Deleted, "Deleted task " + taskName);

    /// <summary>A task's Pod was force-deleted: Warning <c>ForceDeleted</c>, <c>Deleted task &lt;name&gt;</c> (FURIKO-SEMANTICS 3, Events).</summary>
    /// <param name="taskName">The task's (Pod's) name.</param>
    /// <returns>The Event.</returns>
    public static JobEvent TaskForceDeleted(string taskName) => new(Warning, JobEventReasons.ForceDeleted, "Deleted task " + taskName);
}
