using Furiko.Sdk;
using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using k8s.Models;
using NodaTime;

namespace Furiko.Samples.Demo;

/// <summary>The demo's Job and its task Pods, built the way Furiko builds them (names, labels, annotation, owner).</summary>
internal static class DemoJob
{
    public static Job Create(DemoSettings settings) => new()
    {
        Metadata = new V1ObjectMeta { Name = settings.JobName, NamespaceProperty = settings.Namespace },
        Spec = new JobSpec
        {
            Type = JobType.Adhoc,
            Template = new JobTemplate
            {
                Parallelism = new ParallelismSpec { WithCount = settings.GracePeriods.Count },
                MaxAttempts = 1,
                TaskPendingTimeoutSeconds = 0,
                ForbidTaskForceDeletion = settings.ForbidForceDeletion ? true : null,
                TaskTemplate = new TaskTemplate
                {
                    Pod = new V1PodTemplateSpec
                    {
                        Spec = new V1PodSpec { Containers = [new V1Container { Name = "report", Image = "busybox", Command = ["sleep", "3600"] }] },
                    },
                },
            },
        },
    };

    public static V1Pod Task(Job job, ParallelIndex index, string nodeName, long gracePeriodSeconds)
    {
        var name = TaskNames.For(job.Metadata.Name, index, retryIndex: 0);
        return new V1Pod
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = job.Metadata.NamespaceProperty,
                Labels = new Dictionary<string, string>
                {
                    [FurikoLabels.JobUid] = job.Metadata.Uid,
                    [FurikoLabels.TaskRetryIndex] = "0",
                    [FurikoLabels.TaskParallelIndexHash] = ParallelIndexHash.Compute(index),
                },
                Annotations = new Dictionary<string, string> { [FurikoAnnotations.TaskParallelIndex] = ParallelIndexAnnotation.Format(index) },
                OwnerReferences =
                [
                    new V1OwnerReference
                    {
                        ApiVersion = FurikoApi.GroupVersion,
                        Kind = FurikoApi.JobKind,
                        Name = job.Metadata.Name,
                        Uid = job.Metadata.Uid,
                        Controller = true,
                        BlockOwnerDeletion = true,
                    },
                ],
            },
            Spec = new V1PodSpec
            {
                NodeName = nodeName,
                TerminationGracePeriodSeconds = gracePeriodSeconds,
                RestartPolicy = "Never",
                Containers = job.Spec.Template!.TaskTemplate.Pod!.Spec.Containers,
            },
        };
    }

    public static JobStatus Started(Instant now) => new()
    {
        StartTime = now,
        Phase = JobPhase.Starting,
        State = JobState.Waiting,
        Condition = new JobCondition { Waiting = new JobConditionWaiting { Reason = "PendingCreation" } },
    };
}
