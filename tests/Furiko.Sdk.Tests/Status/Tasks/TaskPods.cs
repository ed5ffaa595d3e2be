using Furiko.Sdk.Status;
using k8s.Models;
using NodaTime;

namespace Furiko.Sdk.Tests.Status.Tasks;

/// <summary>
/// Realistic task Pods for the reader's tests, shaped like what kubelet reports (times as in Furiko's own
/// podtaskexecutor fixtures). Every call builds a fresh object, so a test may change what it gets.
/// </summary>
internal static class TaskPods
{
    public const string Name = "my-sample-job-gezdqo-0";
    public const string Namespace = "default";
    public const string Uid = "5f2a8d1c-6b0e-4f3a-9c55-0d1e2f3a4b5c";
    public const string Node = "worker-1";
    public const string Image = "hello-world";
    public const string ContainerId = "containerd://b39c8972a4030c99e30b434c6e865fa4f39d218bf086d5231823f3d56e1b45f4";

    public static readonly DateTime CreateTime = Utc("2021-02-09T04:06:00Z");
    public static readonly DateTime StartTime = Utc("2021-02-09T04:06:09Z");
    public static readonly DateTime ContainerStartTime = Utc("2021-02-09T04:06:15Z");
    public static readonly DateTime ContainerFinishTime = Utc("2021-02-09T04:06:21Z");
    public static readonly DateTime KillTime = Utc("2021-02-09T04:08:09Z");
    public static readonly DateTime UnixEpoch = DateTime.UnixEpoch;

    public static DateTime Utc(string rfc3339) =>
        DateTime.Parse(rfc3339, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);

    public static Instant At(DateTime utc) => Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    /// <summary>A task Pod of Furiko's shape: scheduled on a node, labelled and annotated as Furiko creates it.</summary>
    public static V1Pod Pod(string phase, params V1ContainerStatus[] containers) => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new V1ObjectMeta
        {
            Name = Name,
            NamespaceProperty = Namespace,
            Uid = Uid,
            CreationTimestamp = CreateTime,
            Labels = new Dictionary<string, string>
            {
                [FurikoLabels.JobUid] = "0b9d0a1e-8a3e-4a43-9a4f-1f1cc5a0e2f1",
                [FurikoLabels.TaskRetryIndex] = "0",
                [FurikoLabels.TaskParallelIndexHash] = "gezdqo",
            },
            Annotations = new Dictionary<string, string>
            {
                [FurikoAnnotations.TaskParallelIndex] = "{\"indexNumber\":0}",
            },
        },
        Spec = new V1PodSpec
        {
            NodeName = Node,
            RestartPolicy = "Never",
            Containers = [new V1Container { Name = "job-container", Image = Image }],
        },
        Status = new V1PodStatus
        {
            Phase = phase,
            StartTime = StartTime,
            Conditions = ScheduledAndInitialized(),
            ContainerStatuses = containers.Length == 0 ? null : containers,
        },
    };

    /// <summary>A Pod just created: no node, no start time, no conditions, no containers.</summary>
    public static V1Pod Created()
    {
        var pod = Pod("Pending");
        pod.Spec.NodeName = null;
        pod.Status.StartTime = null;
        pod.Status.Conditions = null;
        return pod;
    }

    public static List<V1PodCondition> ScheduledAndInitialized() =>
    [
        new V1PodCondition { Type = "PodScheduled", Status = "True" },
        new V1PodCondition { Type = "Initialized", Status = "True" },
    ];

    public static V1ContainerStatus Running(DateTime? startedAt, string name = "job-container") => new()
    {
        Name = name,
        Image = Image,
        ContainerID = ContainerId,
        Ready = true,
        Started = true,
        State = new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = startedAt } },
    };

    public static V1ContainerStatus Waiting(string reason, string? message, string name = "job-container") => new()
    {
        Name = name,
        Image = Image,
        Ready = false,
        Started = false,
        State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = reason, Message = message } },
    };

    public static V1ContainerStatus Terminated(
        string reason,
        int exitCode,
        DateTime? startedAt = null,
        DateTime? finishedAt = null,
        string? message = null,
        string name = "job-container") => new()
    {
        Name = name,
        Image = Image,
        ContainerID = ContainerId,
        Ready = false,
        Started = false,
        State = new V1ContainerState { Terminated = TerminatedState(reason, exitCode, startedAt ?? ContainerStartTime, finishedAt ?? ContainerFinishTime, message) },
    };

    public static V1ContainerStateTerminated TerminatedState(string reason, int exitCode, DateTime? startedAt, DateTime? finishedAt, string? message = null) => new()
    {
        ContainerID = ContainerId,
        Reason = reason,
        ExitCode = exitCode,
        StartedAt = startedAt,
        FinishedAt = finishedAt,
        Message = message,
    };

    /// <summary>Gives a container a last termination, as kubelet does once it restarts the container.</summary>
    public static V1ContainerStatus WithLastState(this V1ContainerStatus container, V1ContainerStateTerminated last)
    {
        container.LastState = new V1ContainerState { Terminated = last };
        container.ContainerID ??= last.ContainerID;
        container.RestartCount = 1;
        return container;
    }

    public static V1Pod Deleting(this V1Pod pod)
    {
        pod.Metadata.DeletionTimestamp = KillTime;
        pod.Metadata.DeletionGracePeriodSeconds = 30;
        return pod;
    }

    public static V1Pod WithStatusReason(this V1Pod pod, string reason, string? message)
    {
        pod.Status.Reason = reason;
        pod.Status.Message = message;
        return pod;
    }

    public static V1Pod WithCondition(this V1Pod pod, string type, string status, string? reason, string? message)
    {
        pod.Status.Conditions ??= [];
        var existing = pod.Status.Conditions.FirstOrDefault(c => c.Type == type);
        if (existing is not null)
        {
            pod.Status.Conditions.Remove(existing);
        }

        pod.Status.Conditions.Add(new V1PodCondition { Type = type, Status = status, Reason = reason, Message = message });
        return pod;
    }

    public static V1Pod WithInitContainers(this V1Pod pod, params V1ContainerStatus[] initContainers)
    {
        pod.Status.InitContainerStatuses = initContainers;
        return pod;
    }

    public static ObservedTask Read(V1Pod pod) => PodTaskReader.Read(pod);
}
