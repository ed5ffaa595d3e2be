using Furiko.Sdk.Models;

namespace Furiko.Sdk.Status;

/// <summary>Decides a task's state from its Pod (FURIKO-SEMANTICS 6.1). Thread-safe.</summary>
internal static class PodTaskStateRule
{
    /// <summary>
    /// <c>Killing</c> when the Pod is being deleted and has not finished; otherwise from the phase: Running is
    /// <c>Running</c>, Succeeded and Failed are <c>Terminated</c>, anything else (Pending, empty, a phase this code does
    /// not know) is <c>Starting</c>. A finished Pod that is being deleted stays <c>Terminated</c>.
    /// </summary>
    /// <param name="source">The Pod.</param>
    /// <param name="isDeleting">Whether the Pod has a <c>deletionTimestamp</c>.</param>
    /// <returns>The task's state.</returns>
    public static TaskState Decide(PodSource source, bool isDeleting)
    {
        if (isDeleting && !source.IsFinished)
        {
            return TaskState.Killing;
        }

        return source.Phase switch
        {
            PodPhases.Running => TaskState.Running,
            PodPhases.Succeeded or PodPhases.Failed => TaskState.Terminated,
            _ => TaskState.Starting,
        };
    }
}
