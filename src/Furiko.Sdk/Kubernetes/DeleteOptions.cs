namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// How to delete an object: what happens to its dependents, and preconditions that must still hold (otherwise
/// the server answers 409 Conflict and nothing is deleted). Immutable; thread-safe.
/// </summary>
public sealed record DeleteOptions
{
    /// <summary>What happens to the dependents; <see langword="null"/> for the resource's default (background for custom resources).</summary>
    public DeletePropagation? Propagation { get; init; }

    /// <summary>Delete only if the object still has this UID, so that a new object of the same name is never deleted by mistake.</summary>
    public string? PreconditionUid { get; init; }

    /// <summary>Delete only if the object is still at this resourceVersion, so that a concurrent change is not lost.</summary>
    public string? PreconditionResourceVersion { get; init; }
}
