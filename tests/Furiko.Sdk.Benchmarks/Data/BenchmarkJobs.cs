using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using k8s.Models;
using NodaTime;

namespace Furiko.Sdk.Benchmarks.Data;

/// <summary>The Jobs the planner and status benchmarks run on: a started parallel Job owning the given tasks.</summary>
public static class BenchmarkJobs
{
    /// <summary>The benchmark Job's UID, which its Pods carry in their label and owner reference.</summary>
    public const string Uid = "6a1f3c2e-0b4d-4e5f-8a9b-0c1d2e3f4a5b";

    /// <summary>The namespace of the benchmark Job and its Pods.</summary>
    public const string Namespace = "batch";

    /// <summary>
    /// A running parallel Job (<c>withCount</c> = number of tasks, <c>AllSuccessful</c>) with no kill time, the default
    /// pending timeout and its tasks stored in <c>status.tasks</c>: a pass over it has nothing to do.
    /// </summary>
    /// <param name="tasks">The Job's live tasks.</param>
    /// <returns>A new Job.</returns>
    public static Job NothingDue(IReadOnlyList<ObservedTask> tasks) => Running(tasks);

    /// <summary>The same Job with <c>spec.killTimestamp</c> one minute before <see cref="BenchmarkClock.Now"/>: every task is to be deleted.</summary>
    /// <param name="tasks">The Job's live tasks.</param>
    /// <returns>A new Job.</returns>
    public static Job KillDue(IReadOnlyList<ObservedTask> tasks)
    {
        var job = Running(tasks);
        job.Spec.KillTimestamp = BenchmarkClock.Now - Duration.FromMinutes(1);
        return job;
    }

    private static Job Running(IReadOnlyList<ObservedTask> tasks) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = BenchmarkTasks.JobName,
            NamespaceProperty = Namespace,
            Uid = Uid,
            CreationTimestamp = BenchmarkClock.JobStart.ToDateTimeUtc(),
            Finalizers = [FurikoFinalizers.DeleteDependents],
            Labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "bench" },
        },
        Spec = new JobSpec
        {
            ConfigName = "bench",
            Type = JobType.Adhoc,
            Template = new JobTemplate
            {
                Parallelism = new ParallelismSpec { WithCount = tasks.Count, CompletionStrategy = ParallelCompletionStrategy.AllSuccessful },
                MaxAttempts = 1,
                TaskPendingTimeoutSeconds = 900,
            },
        },
        Status = new JobStatus
        {
            Phase = JobPhase.Running,
            State = JobState.Running,
            StartTime = BenchmarkClock.JobStart,
            CreatedTasks = tasks.Count,
            RunningTasks = tasks.Count,
            Tasks = BenchmarkTasks.StoredRefs(tasks),
            ParallelStatus = new ParallelStatus { Complete = false },
        },
    };
}
