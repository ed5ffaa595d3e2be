using Furiko.Sdk.Models;
using k8s.Models;
using NodaTime;

namespace Furiko.Cli.Tests;

/// <summary>Jobs in the states the tests need, with the status a controller would have written.</summary>
internal static class TestJobs
{
    public static readonly Instant Started = CliHarness.Start - Duration.FromMinutes(10);

    public static Job New(string name, string ns = "default") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new JobSpec { Type = JobType.Adhoc, Template = new JobTemplate() },
    };

    /// <summary>A started Job whose tasks run: <c>NAME-task0-0</c>, <c>NAME-task1-0</c>, ...</summary>
    public static Job Running(string name, string ns = "default", int tasks = 1, Instant? killAt = null)
    {
        var job = New(name, ns);
        job.Spec.KillTimestamp = killAt;
        job.Status = new JobStatus
        {
            Phase = JobPhase.Running,
            State = JobState.Running,
            StartTime = Started,
            CreatedTasks = tasks,
            RunningTasks = tasks,
            Condition = new JobCondition { Running = new JobConditionRunning { LatestTaskCreationTimestamp = Started, LatestRunningTimestamp = Started } },
            Tasks = [.. Enumerable.Range(0, tasks).Select(i => RunningTask(TaskName(name, i)))],
        };
        return job;
    }

    public static string TaskName(string job, int index) => $"{job}-task{index}-0";

    public static TaskRef RunningTask(string name) => new()
    {
        Name = name,
        CreationTimestamp = Started,
        RunningTimestamp = Started,
        Status = new TaskRefStatus { State = TaskState.Running },
        NodeName = "node-a",
    };

    /// <summary>A Job that has ended with a terminal phase.</summary>
    public static Job Finished(string name, JobPhase phase, string ns = "default")
    {
        var job = New(name, ns);
        job.Status = new JobStatus
        {
            Phase = phase,
            State = JobState.Finished,
            StartTime = Started,
            CreatedTasks = 1,
            Condition = new JobCondition { Finished = new JobConditionFinished { FinishTime = Started + Duration.FromMinutes(5), Result = JobResult.Success } },
            Tasks =
            [
                new TaskRef
                {
                    Name = TaskName(name, 0),
                    CreationTimestamp = Started,
                    RunningTimestamp = Started,
                    FinishTimestamp = Started + Duration.FromMinutes(5),
                    Status = new TaskRefStatus { State = TaskState.Terminated, Result = TaskResult.Succeeded },
                },
            ],
        };
        return job;
    }

    /// <summary>A Job that has not started.</summary>
    public static Job Queued(string name, string ns = "default")
    {
        var job = New(name, ns);
        job.Status = new JobStatus { Phase = JobPhase.Queued, State = JobState.Queued, Condition = new JobCondition { Queueing = new JobConditionQueueing() } };
        return job;
    }
}
