using Furiko.Sdk.Models;

namespace Furiko.Sdk.Status;

/// <summary>Decides a task's result from its Pod (FURIKO-SEMANTICS 6.1). Never <c>Killed</c>: that only comes from tombstones. Thread-safe.</summary>
internal static class PodTaskResultRule
{
    /// <summary>The termination reason the kernel's out-of-memory killer leaves on a container.</summary>
    public const string OomKilledReason = "OOMKilled";

    /// <summary>
    /// <c>Failed</c> when a container was OOM-killed (even if it exited 0 and the Pod Succeeded); otherwise
    /// Succeeded is <c>Succeeded</c>, Failed is <c>Failed</c>, and any other phase has no result yet.
    /// </summary>
    /// <param name="source">The Pod.</param>
    /// <returns>The result, or <see langword="null"/> while the Pod has not finished.</returns>
    public static TaskResult? Decide(PodSource source)
    {
        // FURIKO-SEMANTICS 6.1: kubelet can report Succeeded for an OOM-killed container that exited 0.
        if (IsOomKilled(source))
        {
            return TaskResult.Failed;
        }

        return source.Phase switch
        {
            PodPhases.Succeeded => TaskResult.Succeeded,
            PodPhases.Failed => TaskResult.Failed,
            _ => (TaskResult?)null,
        };
    }

    // Furiko looks at the app containers only, and per container at the current termination if there is one,
    // else the last one; an OOM kill in the last state of a container that has since ended otherwise is not seen.
    private static bool IsOomKilled(PodSource source)
    {
        var containers = source.Status?.ContainerStatuses;
        if (containers is null)
        {
            return false;
        }

        for (var i = 0; i < containers.Count; i++)
        {
            if (containers[i] is { } container
                && ContainerTermination.CurrentOrLast(container, $"status.containerStatuses[{i}]") is { } termination
                && termination.State.Reason == OomKilledReason)
            {
                return true;
            }
        }

        return false;
    }
}
