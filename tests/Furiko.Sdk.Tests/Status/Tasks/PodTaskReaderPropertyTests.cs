using CsCheck;
using Furiko.Sdk.Models;
using k8s;
using k8s.Models;

namespace Furiko.Sdk.Tests.Status.Tasks;

/// <summary>Invariants of reading a task from any Pod that has a name and a creation time.</summary>
public class PodTaskReaderPropertyTests
{
    private static readonly string[] Phases = ["Pending", "Running", "Succeeded", "Failed", "Unknown", ""];

    private static readonly Gen<DateTime?> Time = Gen.Frequency(
        (1, Gen.Const((DateTime?)null)),
        (1, Gen.Const((DateTime?)DateTime.MinValue)),
        (1, Gen.Const((DateTime?)DateTime.UnixEpoch)),
        (6, Gen.Select(
            Gen.Long[new DateTime(2020, 1, 1).Ticks, new DateTime(2030, 1, 1).Ticks],
            Gen.Bool,
            (ticks, utc) => (DateTime?)new DateTime(ticks, utc ? DateTimeKind.Utc : DateTimeKind.Unspecified))));

    private static readonly Gen<string?> Reason = Gen.OneOf<string?>(null, "", "OOMKilled", "Error", "Completed", "ImagePullBackOff", "DeadlineExceeded");

    private static readonly Gen<string?> Message = Gen.OneOf<string?>(null, "", "something went wrong");

    private static readonly Gen<V1ContainerStateTerminated> Termination = Gen.Select(
        Reason, Message, Gen.Int[-1, 255], Gen.Int[0, 15].Nullable(), Time, Time,
        (reason, message, exitCode, signal, started, finished) => new V1ContainerStateTerminated
        {
            Reason = reason,
            Message = message,
            ExitCode = exitCode,
            Signal = signal,
            StartedAt = started,
            FinishedAt = finished,
        });

    private static readonly Gen<V1ContainerState?> State = Gen.OneOf(
        Gen.Const((V1ContainerState?)null),
        Gen.Select(Reason, Message, (reason, message) => (V1ContainerState?)new V1ContainerState { Waiting = new() { Reason = reason, Message = message } }),
        Time.Select(started => (V1ContainerState?)new V1ContainerState { Running = new() { StartedAt = started } }),
        Termination.Select(terminated => (V1ContainerState?)new V1ContainerState { Terminated = terminated }));

    private static readonly Gen<V1ContainerStatus> Container = Gen.Select(
        State,
        Termination.Null(0.5),
        Gen.OneOf<string?>(null, "", "containerd://abc"),
        (state, last, id) => new V1ContainerStatus
        {
            Name = "c",
            Image = "i",
            ContainerID = id,
            State = state,
            LastState = last is null ? null : new V1ContainerState { Terminated = last },
        });

    private static readonly Gen<V1PodCondition> Condition = Gen.Select(
        Gen.OneOf("PodScheduled", "Initialized", "Ready"),
        Gen.OneOf("True", "False", "Unknown"),
        Reason,
        Message,
        (type, status, reason, message) => new V1PodCondition { Type = type, Status = status, Reason = reason, Message = message });

    private static readonly Gen<V1PodStatus?> Status = Gen.Select(
        Gen.OneOf(Phases),
        Time,
        Gen.Select(Reason, Message),
        Condition.List[0, 3],
        Container.List[0, 3],
        Container.List[0, 2],
        (phase, start, reasonMessage, conditions, containers, initContainers) => new V1PodStatus
        {
            Phase = phase,
            StartTime = start,
            Reason = reasonMessage.Item1,
            Message = reasonMessage.Item2,
            Conditions = conditions,
            ContainerStatuses = containers,
            InitContainerStatuses = initContainers,
        }).Null(0.05);

    private static readonly Gen<V1Pod> Pod = Gen.Select(
        Status,
        Gen.Bool,
        Gen.Long[1, long.MaxValue].Nullable(),
        Gen.Int[0, 20].Nullable(),
        Gen.Int[0, 30].Nullable(),
        (status, deleting, deadline, retry, parallel) => new V1Pod
        {
            Metadata = new V1ObjectMeta
            {
                Name = "job-gezdqo-0",
                NamespaceProperty = "default",
                CreationTimestamp = new DateTime(2021, 2, 9, 4, 6, 0, DateTimeKind.Utc),
                DeletionTimestamp = deleting ? new DateTime(2021, 2, 9, 4, 8, 9, DateTimeKind.Utc) : null,
                Labels = retry is { } r ? new Dictionary<string, string> { [FurikoLabels.TaskRetryIndex] = r.ToString(System.Globalization.CultureInfo.InvariantCulture) } : null,
                Annotations = parallel is { } p ? new Dictionary<string, string> { [FurikoAnnotations.TaskParallelIndex] = $"{{\"indexNumber\":{p}}}" } : null,
            },
            Spec = new V1PodSpec { ActiveDeadlineSeconds = deadline, Containers = [] },
            Status = status,
        });

    [Fact]
    public void Reading_any_named_pod_keeps_the_task_invariants()
    {
        Pod.Sample(
            pod =>
            {
                var task = TaskPods.Read(pod);

                var finished = pod.Status?.Phase is "Succeeded" or "Failed";
                var deleting = pod.Metadata.DeletionTimestamp is not null;
                Assert.Equal(deleting && !finished, task.Status.State == TaskState.Killing);
                Assert.NotEqual(TaskResult.Killed, task.Status.Result);
                Assert.Equal(finished, task.FinishTimestamp is not null);
                Assert.Equal(finished, task.Status.State == TaskState.Terminated);
                Assert.Equal(task.Status.Reason is null, task.Status.Message is null);
                Assert.Equal(pod.Status?.ContainerStatuses?.Count ?? 0, task.ContainerStates.Count);
                if (task.RunningTimestamp is { } running)
                {
                    Assert.NotEqual(0, running.ToUnixTimeSeconds());
                }
            },
            iter: 2000,
            print: pod => KubernetesJson.Serialize(pod));
    }
}
