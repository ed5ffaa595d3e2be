using Furiko.Sdk.Models;
using Furiko.Sdk.Termination.Execution;
using Furiko.Sdk.Termination.Planning;

namespace Furiko.Sdk.Testing.Execution;

/// <summary>
/// A status sink for tests: applies tombstones straight to the given Job object's <c>status.tasks</c>, matching
/// entries by task name, with the same overwrite / if-unset / force-update rules a real status writer follows
/// (<see cref="TombstoneWrite.Apply"/>). A tombstone for a task the status does not list is recorded but not
/// applied, as Furiko only tracks listed tasks. Can be told to fail, to show that no delete is sent without its
/// tombstone. Thread-safe; writes to one Job are serialised.
/// </summary>
public sealed class InMemoryTerminationStatusSink : ITerminationStatusSink
{
    private readonly Lock _gate = new();
    private readonly List<TombstoneWrite> _writes = [];
    private Exception? _failure;

    /// <summary>Every tombstone received so far, in arrival order (a snapshot), applied or not.</summary>
    public IReadOnlyList<TombstoneWrite> Writes
    {
        get
        {
            lock (_gate)
            {
                return [.. _writes];
            }
        }
    }

    /// <summary>How many times <see cref="WriteTombstonesAsync"/> was called, failed calls included.</summary>
    public int WriteCount { get; private set; }

    /// <summary>Makes every following write throw <paramref name="error"/> (nothing is applied); <see langword="null"/> to stop.</summary>
    /// <param name="error">The error to throw, or <see langword="null"/>.</param>
    public void FailWith(Exception? error)
    {
        lock (_gate)
        {
            _failure = error;
        }
    }

    /// <inheritdoc />
    public ValueTask WriteTombstonesAsync(Job job, IReadOnlyList<TombstoneWrite> tombstones, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(tombstones);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            WriteCount++;
            if (_failure is { } failure)
            {
                return ValueTask.FromException(failure);
            }

            foreach (var write in tombstones)
            {
                _writes.Add(write);
                if (Find(job, write.TaskName) is { } taskRef)
                {
                    taskRef.DeletedStatus = write.Apply(taskRef.DeletedStatus);
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    private static TaskRef? Find(Job job, string taskName)
    {
        if (job.Status?.Tasks is not { } tasks)
        {
            return null;
        }

        foreach (var taskRef in tasks)
        {
            if (taskRef is not null && string.Equals(taskRef.Name, taskName, StringComparison.Ordinal))
            {
                return taskRef;
            }
        }

        return null;
    }
}
