using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using NodaTime;

namespace Furiko.Sdk.Benchmarks.Data;

/// <summary>
/// Live tasks of a large parallel Job (<c>withCount: N</c>), built as <see cref="ObservedTask"/> records directly.
/// Names are made up and unique (<c>bench-job-x00042-0</c>) rather than Furiko's six-character index hash, which
/// collides (FURIKO-SEMANTICS 7.10); the parallel index itself is set on every task.
/// </summary>
public static class BenchmarkTasks
{
    /// <summary>The name of the benchmark Job.</summary>
    public const string JobName = "bench-job";

    /// <summary>The made-up, unique name of task <paramref name="index"/> (retry 0).</summary>
    /// <param name="index">The parallel index number.</param>
    /// <returns>The task's name.</returns>
    public static string Name(int index) => $"{JobName}-x{index:D5}-0";

    /// <summary>
    /// <paramref name="count"/> running tasks, created one millisecond apart after the Job started and running five
    /// seconds later, each with one running container on one of 20 nodes.
    /// </summary>
    /// <param name="count">How many tasks.</param>
    /// <returns>The tasks, in creation order.</returns>
    public static ObservedTask[] Running(int count)
    {
        var tasks = new ObservedTask[count];
        for (var i = 0; i < count; i++)
        {
            var created = BenchmarkClock.JobStart + Duration.FromMilliseconds(i);
            tasks[i] = new ObservedTask
            {
                Name = Name(i),
                Uid = $"00000000-0000-4000-8000-{i:D12}",
                CreationTimestamp = created,
                RunningTimestamp = created + Duration.FromSeconds(5),
                Status = new TaskRefStatus { State = TaskState.Running },
                NodeName = $"worker-{i % 20}",
                RetryIndex = 0,
                ParallelIndex = new ParallelIndex { IndexNumber = i },
                ContainerStates = [new TaskContainerState { ContainerId = $"containerd://{i:x16}" }],
            };
        }

        return tasks;
    }

    /// <summary>The task refs a previous pass stored for <paramref name="tasks"/> (what <c>status.tasks</c> holds).</summary>
    /// <param name="tasks">The live tasks.</param>
    /// <returns>One stored ref per task.</returns>
    public static List<TaskRef> StoredRefs(IReadOnlyList<ObservedTask> tasks)
    {
        var refs = new List<TaskRef>(tasks.Count);
        foreach (var task in tasks)
        {
            refs.Add(TaskRefMerger.ToTaskRef(task));
        }

        return refs;
    }
}
