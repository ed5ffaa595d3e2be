using Furiko.Sdk.Models;
using Furiko.Sdk.Serialization;
using k8s.Models;
using NodaTime;

namespace Furiko.Sdk.Benchmarks.Data;

/// <summary>
/// The body of a <c>GET .../jobs</c> reply for a busy namespace: finished Jobs of several JobConfigs, each with
/// metadata as the API server returns it, a pod template, a finished status and its task refs. Every tenth Job is
/// parallel (<c>withCount: 3</c>, three tasks and a parallel status); the others have one task.
/// </summary>
public static class BenchmarkJobList
{
    /// <summary>The JSON of a list of <paramref name="count"/> Jobs, as the API server sends it (compact).</summary>
    /// <param name="count">How many Jobs.</param>
    /// <returns>The JSON text.</returns>
    public static string Json(int count)
    {
        var list = new JobList { Metadata = new V1ListMeta { ResourceVersion = "987654" } };
        for (var i = 0; i < count; i++)
        {
            list.Items.Add(FinishedJob(i));
        }

        return FurikoJson.Serialize(list);
    }

    private static Job FinishedJob(int n)
    {
        var config = $"report-{n % 25}";
        var name = $"{config}-{1709294400 + (n * 60)}";
        var start = BenchmarkClock.JobStart + Duration.FromMinutes(n);
        var parallel = n % 10 == 0;
        var taskCount = parallel ? 3 : 1;
        var tasks = new List<TaskRef>(taskCount);
        for (var t = 0; t < taskCount; t++)
        {
            tasks.Add(FinishedTask($"{name}-x{t:D5}-0", start + Duration.FromSeconds(1), t));
        }

        return new Job
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = "reports",
                Uid = $"{n:D8}-5a7b-4d3c-9d5e-2f1a3b4c5d6e",
                ResourceVersion = (900000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Generation = 2,
                CreationTimestamp = start.ToDateTimeUtc(),
                Labels = new Dictionary<string, string>
                {
                    ["app.kubernetes.io/name"] = config,
                    ["execution.furiko.io/job-config-uid"] = $"{n % 25:D8}-4a5b-6c7d-8e9f-0a1b2c3d4e5f",
                },
                Annotations = new Dictionary<string, string> { ["execution.furiko.io/created-by"] = "furiko-scheduler" },
                Finalizers = [FurikoFinalizers.DeleteDependents],
                OwnerReferences =
                [
                    new V1OwnerReference
                    {
                        ApiVersion = FurikoApi.GroupVersion,
                        Kind = "JobConfig",
                        Name = config,
                        Uid = $"{n % 25:D8}-4a5b-6c7d-8e9f-0a1b2c3d4e5f",
                        Controller = true,
                        BlockOwnerDeletion = true,
                    },
                ],
            },
            Spec = new JobSpec
            {
                ConfigName = config,
                Type = JobType.Scheduled,
                StartPolicy = new StartPolicySpec { ConcurrencyPolicy = ConcurrencyPolicy.Forbid },
                Template = new JobTemplate
                {
                    TaskTemplate = new TaskTemplate { Pod = PodTemplate(config) },
                    Parallelism = parallel ? new ParallelismSpec { WithCount = 3, CompletionStrategy = ParallelCompletionStrategy.AllSuccessful } : null,
                    MaxAttempts = 1,
                    TaskPendingTimeoutSeconds = 900,
                },
                OptionValues = "date: today\n",
                Substitutions = new Dictionary<string, string> { ["option.date"] = "today" },
                TtlSecondsAfterFinished = 3600,
            },
            Status = new JobStatus
            {
                Phase = JobPhase.Succeeded,
                State = JobState.Finished,
                Condition = new JobCondition
                {
                    Finished = new JobConditionFinished
                    {
                        LatestCreationTimestamp = start + Duration.FromSeconds(1),
                        LatestRunningTimestamp = start + Duration.FromSeconds(6),
                        FinishTime = start + Duration.FromSeconds(40),
                        Result = JobResult.Success,
                    },
                },
                StartTime = start,
                CreatedTasks = taskCount,
                RunningTasks = 0,
                Tasks = tasks,
                ParallelStatus = parallel ? ParallelDone() : null,
            },
        };
    }

    private static V1PodTemplateSpec PodTemplate(string config) => new()
    {
        Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app.kubernetes.io/component"] = "worker" } },
        Spec = new V1PodSpec
        {
            RestartPolicy = "Never",
            Containers =
            [
                new V1Container
                {
                    Name = "worker",
                    Image = $"registry.example.com/{config}:2.3.1",
                    Args = ["--date", "${option.date}", "--index", "${task.index_num}"],
                    Env = [new V1EnvVar { Name = "JOB_NAME", Value = "${job.name}" }],
                    Resources = new V1ResourceRequirements
                    {
                        Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("500m"), ["memory"] = new("512Mi") },
                        Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("1Gi") },
                    },
                },
            ],
        },
    };

    private static TaskRef FinishedTask(string name, Instant created, int index) => new()
    {
        Name = name,
        CreationTimestamp = created,
        RunningTimestamp = created + Duration.FromSeconds(5),
        FinishTimestamp = created + Duration.FromSeconds(39),
        RetryIndex = 0,
        ParallelIndex = new ParallelIndex { IndexNumber = index },
        Status = new TaskRefStatus { State = TaskState.Terminated, Result = TaskResult.Succeeded },
        DeletedStatus = new TaskRefStatus { State = TaskState.Terminated, Result = TaskResult.Succeeded },
        NodeName = $"worker-{index}",
        ContainerStates = [new TaskContainerState { ExitCode = 0, Reason = "Completed", ContainerId = $"containerd://{index:x16}" }],
    };

    private static ParallelStatus ParallelDone()
    {
        var status = new ParallelStatus { Complete = true, Successful = true };
        for (var i = 0; i < 3; i++)
        {
            status.Indexes.Add(new ParallelIndexStatus
            {
                Index = new ParallelIndex { IndexNumber = i },
                Hash = $"x{i:D5}",
                CreatedTasks = 1,
                State = ParallelIndexState.Terminated,
                Result = TaskResult.Succeeded,
            });
        }

        return status;
    }
}
