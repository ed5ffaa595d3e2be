using Furiko.Sdk.Models;

namespace Furiko.Sdk.Status;

/// <summary>
/// Computes the status of a Job's parallel indexes from its task refs (FURIKO-SEMANTICS 6.3). Tasks are grouped
/// by the value of their parallel index (7.10: the six-character hash collides), falling back to the hash in the
/// task's name when a ref has no index; a ref with neither belongs to the default index. Without parallelism
/// the Job has one index, <c>{indexNumber: 0}</c>. Pure; thread-safe.
/// </summary>
public static class ParallelStatusCalculator
{
    /// <summary>Computes the parallel status and counters.</summary>
    /// <param name="job">The Job (its template's parallelism and maxAttempts are read).</param>
    /// <param name="tasks">The Job's task refs, already merged for this derivation.</param>
    /// <returns>The summary.</returns>
    public static ParallelSummary Compute(Job job, IReadOnlyList<TaskRef> tasks)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(tasks);
        var template = job.Spec.Template;
        var indexes = ParallelIndexes.Generate(template?.Parallelism);
        var maxAttempts = template?.EffectiveMaxAttempts ?? 1;

        var slotByKey = new Dictionary<ParallelIndexKey, int>(indexes.Count);
        var slotByHash = new Dictionary<string, int>(indexes.Count, StringComparer.Ordinal);
        var hashes = new string[indexes.Count];
        for (var i = 0; i < indexes.Count; i++)
        {
            slotByKey.TryAdd(ParallelIndexKey.From(indexes[i]), i);
            hashes[i] = ParallelIndexHash.Compute(indexes[i]);
            slotByHash.TryAdd(hashes[i], i);
        }

        var tally = new IndexTally[indexes.Count];
        for (var t = 0; t < tasks.Count; t++)
        {
            var slot = SlotOf(tasks[t], slotByKey, slotByHash);
            if (slot >= 0)
            {
                tally[slot].Add(tasks[t]);
            }
        }

        var status = new ParallelStatus { Indexes = new List<ParallelIndexStatus>(indexes.Count) };
        var counters = default(ParallelIndexCounters);
        for (var i = 0; i < indexes.Count; i++)
        {
            var indexStatus = tally[i].ToStatus(indexes[i], hashes[i], maxAttempts);
            status.Indexes.Add(indexStatus);
            counters = Count(counters, indexStatus);
        }

        var (successful, failed) = Decide(template?.Parallelism, counters, indexes.Count);
        if (successful || failed)
        {
            status.Complete = true;
            status.Successful = successful;
        }

        return new ParallelSummary(status, counters);
    }

    private static int SlotOf(TaskRef task, Dictionary<ParallelIndexKey, int> byKey, Dictionary<string, int> byHash)
    {
        if (task.ParallelIndex is not null)
        {
            return byKey.TryGetValue(ParallelIndexKey.From(task.ParallelIndex), out var slot) ? slot : -1;
        }

        // No index recorded: the hash in the name "<job>-<hash>-<retry>" says which index it was created for.
        var name = task.Name;
        var lastDash = name.LastIndexOf('-');
        var hashDash = lastDash > 0 ? name.LastIndexOf('-', lastDash - 1) : -1;
        if (hashDash >= 0 && byHash.TryGetValue(name[(hashDash + 1)..lastDash], out var bySlot))
        {
            return bySlot;
        }

        return byKey.TryGetValue(ParallelIndexKey.Default, out var defaultSlot) ? defaultSlot : -1;
    }

    private static ParallelIndexCounters Count(ParallelIndexCounters c, ParallelIndexStatus index)
    {
        var state = index.State;
        c = state == ParallelIndexState.NotCreated ? c with { Terminated = c.Terminated + 1 }
            : state == ParallelIndexState.RetryBackoff ? c with { Created = c.Created + 1, RetryBackoff = c.RetryBackoff + 1, Terminated = c.Terminated + 1 }
            : state == ParallelIndexState.Starting ? c with { Created = c.Created + 1, Starting = c.Starting + 1 }
            : state == ParallelIndexState.Running ? c with { Created = c.Created + 1, Running = c.Running + 1 }
            : c with { Created = c.Created + 1, Terminated = c.Terminated + 1 };

        return index.Result == TaskResult.Succeeded ? c with { Succeeded = c.Succeeded + 1 }
            : index.Result == TaskResult.Failed ? c with { Failed = c.Failed + 1 }
            : c;
    }

    private static (bool Successful, bool Failed) Decide(ParallelismSpec? spec, ParallelIndexCounters counters, int indexCount)
    {
        var strategy = spec?.EffectiveCompletionStrategy ?? ParallelCompletionStrategy.AllSuccessful;
        if (strategy == ParallelCompletionStrategy.AllSuccessful)
        {
            return (counters.Succeeded >= indexCount, counters.Failed > 0);
        }

        if (strategy == ParallelCompletionStrategy.AnySuccessful)
        {
            return (counters.Succeeded > 0, counters.Failed >= indexCount);
        }

        // A strategy this SDK does not know never completes the Job, as in Furiko.
        return (false, false);
    }

    private struct IndexTally
    {
        private long _total;
        private long _terminal;
        private long _running;
        private bool _succeeded;

        public void Add(TaskRef task)
        {
            _total++;
            if (task.FinishTimestamp is not null)
            {
                _terminal++;
            }
            else if (task.RunningTimestamp is not null)
            {
                _running++;
            }

            _succeeded |= task.Status.Result == TaskResult.Succeeded;
        }

        public readonly ParallelIndexStatus ToStatus(ParallelIndex index, string hash, long maxAttempts)
        {
            var failed = !_succeeded && _terminal >= maxAttempts;
            var state = _total == 0 ? ParallelIndexState.NotCreated
                : _terminal == _total && !_succeeded && !failed ? ParallelIndexState.RetryBackoff
                : _terminal == _total ? ParallelIndexState.Terminated
                : _running > 0 ? ParallelIndexState.Running
                : ParallelIndexState.Starting;

            return new ParallelIndexStatus
            {
                // The indexes were generated for this computation alone, so the status can own them.
                Index = index,
                Hash = hash,
                CreatedTasks = _total,
                State = state,
                Result = _succeeded ? TaskResult.Succeeded : failed ? TaskResult.Failed : (TaskResult?)null,
            };
        }
    }
}
