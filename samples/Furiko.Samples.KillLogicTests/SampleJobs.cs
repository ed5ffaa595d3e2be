using Furiko.Sdk;
using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using k8s.Models;
using NodaTime;

namespace Furiko.Samples.KillLogicTests;

/// <summary>Small hand-built Jobs and tasks: in a real controller these come from the cluster and status derivation.</summary>
internal static class SampleJobs
{
    public static readonly Instant Start = Instant.FromUtc(2024, 5, 1, 9, 0);

    public static Job Job(params ObservedTask[] tasks) => new()
    {
        Metadata = new V1ObjectMeta { Name = "nightly-report", NamespaceProperty = "reports", Finalizers = [FurikoFinalizers.DeleteDependents] },
        Spec = new JobSpec { Template = new JobTemplate() },
        Status = new JobStatus
        {
            StartTime = Start,
            Tasks = [.. tasks.Select(task => new TaskRef { Name = task.Name, CreationTimestamp = task.CreationTimestamp, Status = task.Status })],
        },
    };

    public static ObservedTask RunningTask(string name, string node, Instant startedAt) => new()
    {
        Name = name,
        Uid = name + "-uid",
        NodeName = node,
        CreationTimestamp = startedAt,
        RunningTimestamp = startedAt,
        Status = new TaskRefStatus { State = TaskState.Running },
    };

    public static ObservedTask Terminating(this ObservedTask task, Instant deletionTimestamp) => task with
    {
        DeletionTimestamp = deletionTimestamp,
        DeletionGracePeriodSeconds = 30,
        Status = new TaskRefStatus { State = TaskState.Killing },
    };
}
