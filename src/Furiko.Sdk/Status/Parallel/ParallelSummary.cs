using Furiko.Sdk.Models;

namespace Furiko.Sdk.Status;

/// <summary>
/// The state of all parallel indexes of a Job: the <c>status.parallelStatus</c> to write, the counters the
/// condition is computed from, and how many indexes there are (1 for a Job without parallelism). Immutable once
/// built: do not change <see cref="Status"/> after handing it on.
/// </summary>
/// <param name="Status">The parallel status (complete, successful, one entry per index).</param>
/// <param name="Counters">Counts of indexes per state and result.</param>
public sealed record ParallelSummary(ParallelStatus Status, ParallelIndexCounters Counters)
{
    /// <summary>How many indexes the Job has.</summary>
    public int IndexCount => Status.Indexes.Count;
}
