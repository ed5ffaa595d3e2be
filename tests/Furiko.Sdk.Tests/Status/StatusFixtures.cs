using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using k8s.Models;
using NodaTime;

namespace Furiko.Sdk.Tests.Status;

/// <summary>Builders for Jobs and observed tasks used by the status tests.</summary>
internal static class StatusFixtures
{
    public static readonly Instant T0 = Instant.FromUtc(2021, 2, 9, 4, 0, 0);

    public static Instant At(int seconds) => T0 + Duration.FromSeconds(seconds);

    public static Job StartedJob(
        string name = "my-job",
        ParallelismSpec? parallelism = null,
        long? maxAttempts = null,
        Instant? killTimestamp = null,
        IList<TaskRef>? tasks = null) =>
        new()
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default", Uid = "uid-" + name },
            Spec = new JobSpec
            {
                KillTimestamp = killTimestamp,
                Template = new JobTemplate { Parallelism = parallelism, MaxAttempts = maxAttempts },
            },
            Status = new JobStatus { StartTime = T0, Tasks = tasks },
        };

    public static ObservedTask Pending(string name, Instant created, ParallelIndex? index = null, long retry = 0) =>
        new()
        {
            Name = name,
            Uid = "uid-" + name,
            CreationTimestamp = created,
            Status = new TaskRefStatus { State = TaskState.Starting },
            ParallelIndex = index,
            RetryIndex = retry,
        };

    public static ObservedTask Running(string name, Instant created, Instant started, ParallelIndex? index = null, long retry = 0) =>
        Pending(name, created, index, retry) with
        {
            RunningTimestamp = started,
            Status = new TaskRefStatus { State = TaskState.Running },
        };

    public static ObservedTask Killing(string name, Instant created, Instant started, Instant deletion, ParallelIndex? index = null) =>
        Running(name, created, started, index) with
        {
            DeletionTimestamp = deletion,
            Status = new TaskRefStatus { State = TaskState.Killing },
        };

    public static ObservedTask Finished(string name, Instant created, Instant started, Instant finished, TaskResult result, ParallelIndex? index = null, long retry = 0) =>
        Running(name, created, started, index, retry) with
        {
            FinishTimestamp = finished,
            Status = new TaskRefStatus { State = TaskState.Terminated, Result = result },
        };

    public static ParallelIndex Number(long n) => new() { IndexNumber = n };

    public static ParallelIndex Key(string key) => new() { IndexKey = key };

    /// <summary>The stored ref a previous pass would have written for a task.</summary>
    public static TaskRef Stored(ObservedTask task, TaskRefStatus? tombstone = null)
    {
        var taskRef = TaskRefMerger.ToTaskRef(task);
        taskRef.DeletedStatus = tombstone;
        return taskRef;
    }

    public static TaskRefStatus KilledTombstone() => new() { State = TaskState.Terminated, Result = TaskResult.Killed };
}
