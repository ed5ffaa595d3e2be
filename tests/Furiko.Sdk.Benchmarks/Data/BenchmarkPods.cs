using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using k8s.Models;
using NodaTime;

namespace Furiko.Sdk.Benchmarks.Data;

/// <summary>
/// Task Pods of the benchmark Job shaped as kubelet reports them: labelled, annotated and owned as Furiko creates
/// them, scheduled, running one container. They carry the same names, times and indexes as
/// <see cref="BenchmarkTasks.Running"/>.
/// </summary>
public static class BenchmarkPods
{
    /// <summary><paramref name="count"/> running Pods of the benchmark Job.</summary>
    /// <param name="count">How many Pods.</param>
    /// <returns>The Pods, in creation order.</returns>
    public static V1Pod[] Running(int count)
    {
        var pods = new V1Pod[count];
        for (var i = 0; i < count; i++)
        {
            var created = BenchmarkClock.JobStart + Duration.FromMilliseconds(i);
            var started = (created + Duration.FromSeconds(5)).ToDateTimeUtc();
            var name = BenchmarkTasks.Name(i);
            pods[i] = new V1Pod
            {
                ApiVersion = "v1",
                Kind = "Pod",
                Metadata = new V1ObjectMeta
                {
                    Name = name,
                    NamespaceProperty = BenchmarkJobs.Namespace,
                    Uid = $"00000000-0000-4000-8000-{i:D12}",
                    CreationTimestamp = created.ToDateTimeUtc(),
                    Labels = new Dictionary<string, string>
                    {
                        [FurikoLabels.JobUid] = BenchmarkJobs.Uid,
                        [FurikoLabels.TaskRetryIndex] = "0",
                        [FurikoLabels.TaskParallelIndexHash] = $"x{i:D5}",
                    },
                    Annotations = new Dictionary<string, string>
                    {
                        [FurikoAnnotations.TaskParallelIndex] = ParallelIndexAnnotation.Format(new ParallelIndex { IndexNumber = i }),
                    },
                    OwnerReferences =
                    [
                        new V1OwnerReference
                        {
                            ApiVersion = FurikoApi.GroupVersion,
                            Kind = FurikoApi.JobKind,
                            Name = BenchmarkTasks.JobName,
                            Uid = BenchmarkJobs.Uid,
                            Controller = true,
                            BlockOwnerDeletion = true,
                        },
                    ],
                },
                Spec = new V1PodSpec
                {
                    NodeName = $"worker-{i % 20}",
                    RestartPolicy = "Never",
                    Containers = [new V1Container { Name = "worker", Image = "registry.example.com/bench:1.0" }],
                },
                Status = new V1PodStatus
                {
                    Phase = "Running",
                    StartTime = started,
                    Conditions =
                    [
                        new V1PodCondition { Type = "PodScheduled", Status = "True" },
                        new V1PodCondition { Type = "Initialized", Status = "True" },
                        new V1PodCondition { Type = "ContainersReady", Status = "True" },
                        new V1PodCondition { Type = "Ready", Status = "True" },
                    ],
                    ContainerStatuses =
                    [
                        new V1ContainerStatus
                        {
                            Name = "worker",
                            Image = "registry.example.com/bench:1.0",
                            ImageID = "registry.example.com/bench@sha256:0123456789abcdef",
                            ContainerID = $"containerd://{i:x16}",
                            Ready = true,
                            Started = true,
                            State = new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = started } },
                        },
                    ],
                },
            };
        }

        return pods;
    }
}
