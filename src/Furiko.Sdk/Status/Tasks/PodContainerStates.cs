using Furiko.Sdk.Models;

namespace Furiko.Sdk.Status;

/// <summary>Reads the per-container states Furiko records for a task (<c>status.tasks[].containerStates</c>). Thread-safe.</summary>
internal static class PodContainerStates
{
    /// <summary>
    /// One entry per app container in the order of <c>status.containerStatuses</c> (kubelet sorts them by name, so
    /// this need not be the spec's order). Each carries the container's ID, and, only when the container is
    /// terminated now, the exit code, signal, reason and message of that termination; a running, waiting or
    /// restarted container reads as exit code 0 with nothing else, as in Furiko. Empty values are left unset, as
    /// Furiko's JSON omits them.
    /// </summary>
    /// <param name="source">The Pod.</param>
    /// <returns>The states, possibly empty.</returns>
    public static IReadOnlyList<TaskContainerState> Read(PodSource source)
    {
        var containers = source.Status?.ContainerStatuses;
        if (containers is null)
        {
            return [];
        }

        var states = new List<TaskContainerState>(containers.Count);
        foreach (var container in containers)
        {
            if (container is null)
            {
                continue;
            }

            var state = new TaskContainerState { ContainerId = NullIfEmpty(container.ContainerID) };
            if (container.State?.Terminated is { } terminated)
            {
                state.ExitCode = terminated.ExitCode;
                state.Signal = terminated.Signal is 0 ? null : terminated.Signal;
                state.Reason = NullIfEmpty(terminated.Reason);
                state.Message = NullIfEmpty(terminated.Message);
            }

            states.Add(state);
        }

        return states.AsReadOnly();
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
