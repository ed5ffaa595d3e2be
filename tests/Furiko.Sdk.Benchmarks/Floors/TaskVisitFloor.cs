using Furiko.Sdk.Models;
using Furiko.Sdk.Status;

namespace Furiko.Sdk.Benchmarks.Floors;

/// <summary>
/// The floor the planner and status benchmarks are measured against: the least work any decision over a Job's
/// tasks must do. It visits the same list the same way (through <see cref="IReadOnlyList{T}"/>, by index, once)
/// and reads the fields a decision needs: the task's state and whether it finished, and its deletion and
/// creation timestamps. The fields are folded into a checksum that is returned, so none of the reads can be
/// dropped by the JIT. Stateless; thread-safe.
/// </summary>
public static class TaskVisitFloor
{
    /// <summary>Visits every task once.</summary>
    /// <param name="tasks">The tasks, exactly as the code under test receives them.</param>
    /// <returns>A checksum of the fields read.</returns>
    public static long Visit(IReadOnlyList<ObservedTask> tasks)
    {
        long checksum = 0;
        for (var i = 0; i < tasks.Count; i++)
        {
            var task = tasks[i];
            if (task.Status.State == TaskState.Running)
            {
                checksum++;
            }

            if (task.FinishTimestamp is { } finished)
            {
                checksum ^= finished.ToUnixTimeTicks();
            }

            if (task.DeletionTimestamp is { } deleted)
            {
                checksum ^= deleted.ToUnixTimeTicks();
            }

            checksum ^= task.CreationTimestamp.ToUnixTimeTicks() << (i & 7);
        }

        return checksum;
    }
}
