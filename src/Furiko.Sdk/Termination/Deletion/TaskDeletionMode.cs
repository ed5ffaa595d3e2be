namespace Furiko.Sdk.Termination.Deletion;

/// <summary>How a task's Pod is deleted.</summary>
public enum TaskDeletionMode
{
    /// <summary>A normal delete: the Pod's containers are stopped within its grace period.</summary>
    Graceful,

    /// <summary>A force delete (grace period 0): the Pod object goes at once, its containers may still run on an unreachable node.</summary>
    Force,
}
