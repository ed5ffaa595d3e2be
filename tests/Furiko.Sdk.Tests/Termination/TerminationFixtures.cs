using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.Planning;
using k8s.Models;
using NodaTime;

namespace Furiko.Sdk.Tests.Termination;

/// <summary>Jobs and tasks built by hand for termination tests, around a fixed start instant.</summary>
internal static class TerminationFixtures
{
    public static readonly Instant T0 = Instant.FromUtc(2021, 2, 9, 4, 0, 0);

    public static Instant At(long seconds) => T0 + Duration.FromSeconds(seconds);

    public static Job NewJob(string name = "my-job")
    {
        return new Job
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = "default",
                Uid = name + "-uid",
                Finalizers = [FurikoFinalizers.DeleteDependents],
            },
            Spec = new JobSpec { Template = new JobTemplate() },
            Status = new JobStatus { StartTime = T0, Tasks = [] },
        };
    }

    public static Job WithTaskRefs(this Job job, params ObservedTask[] tasks)
    {
        foreach (var task in tasks)
        {
            job.Status!.Tasks!.Add(new TaskRef { Name = task.Name, CreationTimestamp = task.CreationTimestamp, Status = new TaskRefStatus { State = task.Status.State } });
        }

        return job;
    }

    public static Job Deleting(this Job job, Instant at)
    {
        job.Metadata.DeletionTimestamp = at.ToDateTimeUtc();
        return job;
    }

    public static Job Parallel(this Job job, ParallelCompletionStrategy? strategy, bool complete, bool? successful)
    {
        job.Spec.Template!.Parallelism = new ParallelismSpec { WithCount = 3, CompletionStrategy = strategy };
        job.Status!.ParallelStatus = new ParallelStatus { Complete = complete, Successful = successful };
        return job;
    }

    /// <summary>A task that was created and has not started running.</summary>
    public static ObservedTask Pending(string name, Instant created) => new()
    {
        Name = name,
        Uid = name + "-uid",
        CreationTimestamp = created,
        Status = new TaskRefStatus { State = TaskState.Starting },
    };

    public static ObservedTask Running(string name, Instant created, Instant? running = null) => Pending(name, created) with
    {
        RunningTimestamp = running ?? created,
        Status = new TaskRefStatus { State = TaskState.Running },
    };

    public static ObservedTask Finished(string name, Instant created, Instant finished, TaskResult? result = null) => Pending(name, created) with
    {
        RunningTimestamp = created,
        FinishTimestamp = finished,
        Status = new TaskRefStatus { State = TaskState.Terminated, Result = result ?? TaskResult.Succeeded },
    };

    /// <summary>The task after a graceful delete: Kubernetes sets its deletion timestamp to the request time plus the grace period.</summary>
    public static ObservedTask DeletingAt(this ObservedTask task, Instant deletionTimestamp, long gracePeriodSeconds = 30) => task with
    {
        DeletionTimestamp = deletionTimestamp,
        DeletionGracePeriodSeconds = gracePeriodSeconds,
        Status = new TaskRefStatus { State = task.IsFinished ? task.Status.State : TaskState.Killing, Result = task.Status.Result },
    };

    /// <summary>The task after a force delete, still held by a finalizer.</summary>
    public static ObservedTask ForceDeletedAt(this ObservedTask task, Instant deletionTimestamp) => task.DeletingAt(deletionTimestamp, 0);

    public static TerminationPlanner Planner(long forceSeconds = 900, long pendingSeconds = 900) =>
        TerminationPlanner.CreateDefault(new TerminationOptions { ForceDeleteTaskTimeoutSeconds = forceSeconds, DefaultPendingTimeoutSeconds = pendingSeconds });

    public static TaskTerminationDecision Single(this TerminationPlan plan, string taskName) =>
        Assert.Single(plan.Decisions, decision => decision.Task.Name == taskName);
}
