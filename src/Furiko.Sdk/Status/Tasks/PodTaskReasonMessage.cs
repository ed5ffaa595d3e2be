using System.Globalization;
using k8s.Models;

namespace Furiko.Sdk.Status;

/// <summary>Decides the reason and message of a task from its Pod (FURIKO-SEMANTICS 6.1). Thread-safe.</summary>
internal static class PodTaskReasonMessage
{
    private const string ConditionFalse = "False";
    private const string PodScheduledCondition = "PodScheduled";
    private const string InitializedCondition = "Initialized";
    private const string ErrorReason = "Error";

    // Scheduling first, then initialization: the earlier a Pod is stuck, the more its reason explains.
    private static readonly string[] ConditionOrder = [PodScheduledCondition, InitializedCondition];

    /// <summary>
    /// The first of, each taken only when it has both a reason and a message: the Pod's own reason and message; a
    /// PodScheduled condition that is False; an Initialized condition that is False; the first container, then init
    /// container, waiting now; the first container, then init container, terminated now, where a missing message
    /// of an <c>OOMKilled</c> or <c>Error</c> termination reads <c>Container exited with status &lt;exit code&gt;</c>.
    /// </summary>
    /// <param name="source">The Pod.</param>
    /// <returns>The reason and message, both <see langword="null"/> when nothing matched.</returns>
    public static (string? Reason, string? Message) Decide(PodSource source)
    {
        var status = source.Status;
        if (status is null)
        {
            return (null, null);
        }

        if (Both(status.Reason, status.Message))
        {
            return (status.Reason, status.Message);
        }

        foreach (var type in ConditionOrder)
        {
            // Furiko looks at the first condition of the type only.
            var condition = status.Conditions?.FirstOrDefault(c => c?.Type == type);
            if (condition?.Status == ConditionFalse && Both(condition.Reason, condition.Message))
            {
                return (condition.Reason, condition.Message);
            }
        }

        IList<V1ContainerStatus>?[] lists = [status.ContainerStatuses, status.InitContainerStatuses];
        foreach (var waiting in lists.SelectMany(Each).Select(c => c.State?.Waiting))
        {
            if (waiting is not null && Both(waiting.Reason, waiting.Message))
            {
                return (waiting.Reason, waiting.Message);
            }
        }

        // Only the current termination counts here, not the last state of a restarted container.
        foreach (var terminated in lists.SelectMany(Each).Select(c => c.State?.Terminated))
        {
            if (terminated is null)
            {
                continue;
            }

            var message = string.IsNullOrEmpty(terminated.Message) ? DefaultMessage(terminated) : terminated.Message;
            if (Both(terminated.Reason, message))
            {
                return (terminated.Reason, message);
            }
        }

        return (null, null);
    }

    private static IEnumerable<V1ContainerStatus> Each(IList<V1ContainerStatus>? containers) =>
        containers?.Where(c => c is not null) ?? [];

    private static bool Both(string? reason, string? message) => !string.IsNullOrEmpty(reason) && !string.IsNullOrEmpty(message);

    private static string? DefaultMessage(V1ContainerStateTerminated terminated) =>
        terminated.Reason is PodTaskResultRule.OomKilledReason or ErrorReason
            ? string.Create(CultureInfo.InvariantCulture, $"Container exited with status {terminated.ExitCode}")
            : null;
}
