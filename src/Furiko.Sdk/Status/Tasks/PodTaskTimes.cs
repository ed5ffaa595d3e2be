using k8s.Models;
using NodaTime;

namespace Furiko.Sdk.Status;

/// <summary>Decides when a task started running and when it finished, from its Pod (FURIKO-SEMANTICS 6.1). Thread-safe.</summary>
internal static class PodTaskTimes
{
    /// <summary>The Pod status reason kubelet sets when <c>spec.activeDeadlineSeconds</c> ran out.</summary>
    public const string DeadlineExceededReason = "DeadlineExceeded";

    // Go's zero time.Time, 0001-01-01T00:00:00Z, which is also DateTime.MinValue.
    private static readonly Instant GoZeroTime = Instant.FromUtc(1, 1, 1, 0, 0);

    /// <summary>
    /// The latest <c>startedAt</c> among the app containers that are running or terminated now. Init containers and
    /// last states do not count, so a container waiting to be restarted (CrashLoopBackOff) adds nothing.
    /// </summary>
    /// <param name="source">The Pod.</param>
    /// <returns>The time, or <see langword="null"/> when no container has a usable start time.</returns>
    public static Instant? Running(PodSource source)
    {
        Instant? latest = null;
        var containers = source.Status?.ContainerStatuses;
        for (var i = 0; containers is not null && i < containers.Count; i++)
        {
            if (containers[i] is not { } container)
            {
                continue;
            }

            var path = $"status.containerStatuses[{i}].state";
            latest = Later(latest, source.Time(container.State?.Running?.StartedAt, $"{path}.running.startedAt"));
            latest = Later(latest, source.Time(container.State?.Terminated?.StartedAt, $"{path}.terminated.startedAt"));
        }

        return latest;
    }

    /// <summary>
    /// When the task finished, set only once the phase is Succeeded or Failed: the latest <c>finishedAt</c> of the app
    /// containers' terminations (current, else last); else, for a Pod stopped by its active deadline, its start time
    /// plus the deadline; else its start time; else its creation time.
    /// </summary>
    /// <param name="source">The Pod.</param>
    /// <param name="created">The Pod's creation time.</param>
    /// <returns>The time, or <see langword="null"/> while the Pod has not finished.</returns>
    public static Instant? Finish(PodSource source, Instant created)
    {
        if (!source.IsFinished)
        {
            return null;
        }

        if (LatestTermination(source) is { } terminated)
        {
            return terminated;
        }

        // A zero start time only arises in hand-built objects and means "unset". (Furiko would take it as the finish
        // time and then drop it as zero, leaving a finished task without a finish time.)
        var started = source.Time(source.Status?.StartTime, "status.startTime");
        if (started == GoZeroTime)
        {
            started = null;
        }

        // A Pod stopped by its deadline has no container termination to read; the deadline says when it stopped.
        // Furiko dereferences a missing start time here (a panic); without one, or with a deadline that leaves the
        // range of representable times, this rule cannot apply.
        if (started is { } start
            && source.Status?.Reason == DeadlineExceededReason
            && source.Pod.Spec?.ActiveDeadlineSeconds is { } deadlineSeconds
            && deadlineSeconds <= (Instant.MaxValue - start).TotalSeconds
            && deadlineSeconds >= (Instant.MinValue - start).TotalSeconds)
        {
            return start + Duration.FromSeconds(deadlineSeconds);
        }

        return started ?? created;
    }

    private static Instant? LatestTermination(PodSource source)
    {
        Instant? latest = null;
        var containers = source.Status?.ContainerStatuses;
        for (var i = 0; containers is not null && i < containers.Count; i++)
        {
            if (containers[i] is V1ContainerStatus container
                && ContainerTermination.CurrentOrLast(container, $"status.containerStatuses[{i}]") is { } termination)
            {
                latest = Later(latest, source.Time(termination.State.FinishedAt, $"{termination.FieldPath}.finishedAt"));
            }
        }

        return latest;
    }

    // FURIKO-SEMANTICS 6.1: kubelet reports 1970-01-01T00:00:00Z for times it does not know, so both Go's zero time
    // and the Unix epoch (its whole first second, as Go's Unix() == 0 check) mean "no time".
    private static Instant? Later(Instant? latest, Instant? candidate)
    {
        if (candidate is not { } time || time == GoZeroTime || time.ToUnixTimeSeconds() == 0)
        {
            return latest;
        }

        return latest is { } current && current >= time ? current : time;
    }
}
