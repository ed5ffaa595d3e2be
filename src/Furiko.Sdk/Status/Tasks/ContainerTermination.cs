using k8s.Models;

namespace Furiko.Sdk.Status;

/// <summary>Which termination of a container the task rules look at. Thread-safe.</summary>
internal static class ContainerTermination
{
    /// <summary>
    /// The container's current terminated state if it has one, otherwise its last terminated state (a container that
    /// was restarted). Per container, one or the other, never both: a current termination hides the last one.
    /// </summary>
    /// <param name="container">The container's status.</param>
    /// <param name="fieldPath">Where the container's status sits, for example <c>status.containerStatuses[0]</c>.</param>
    /// <returns>The termination and its field path, or <see langword="null"/> when the container never terminated.</returns>
    public static (V1ContainerStateTerminated State, string FieldPath)? CurrentOrLast(V1ContainerStatus container, string fieldPath)
    {
        // FURIKO-SEMANTICS 6.1: Furiko's GetTerminationStatus prefers the current state over the last one.
        if (container.State?.Terminated is { } current)
        {
            return (current, $"{fieldPath}.state.terminated");
        }

        if (container.LastState?.Terminated is { } last)
        {
            return (last, $"{fieldPath}.lastState.terminated");
        }

        return null;
    }
}
