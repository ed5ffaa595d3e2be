using Furiko.Sdk.Models;

namespace Furiko.Sdk.Status;

/// <summary>
/// The order of <c>status.tasks</c>: creation time ascending, ties broken by name in ordinal order
/// (FURIKO-SEMANTICS 1, "Ordering of TaskRefs"). A ref without a creation time sorts first. Thread-safe.
/// </summary>
public sealed class TaskRefOrder : IComparer<TaskRef>
{
    /// <summary>The single instance.</summary>
    public static TaskRefOrder Instance { get; } = new();

    private TaskRefOrder()
    {
    }

    /// <inheritdoc />
    public int Compare(TaskRef? x, TaskRef? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var byCreation = Nullable.Compare(x.CreationTimestamp, y.CreationTimestamp);
        return byCreation != 0 ? byCreation : string.CompareOrdinal(x.Name, y.Name);
    }
}
