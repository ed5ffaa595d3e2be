namespace Furiko.Sdk.Status;

/// <summary>
/// How many parallel indexes of a Job are in each state and result, counted Furiko's way
/// (FURIKO-SEMANTICS 6.3): NotCreated counts as terminated; RetryBackoff counts as created, retry backoff and
/// terminated; Starting, Running and Terminated count as created plus their own state. Immutable.
/// </summary>
/// <param name="Created">Indexes with at least one task.</param>
/// <param name="Starting">Indexes whose current task has not started running.</param>
/// <param name="Running">Indexes whose current task is running.</param>
/// <param name="RetryBackoff">Indexes waiting to retry.</param>
/// <param name="Terminated">Indexes with no unfinished task (including those with no task at all).</param>
/// <param name="Succeeded">Indexes with a successful task.</param>
/// <param name="Failed">Indexes that used up their attempts without success.</param>
public readonly record struct ParallelIndexCounters(
    long Created,
    long Starting,
    long Running,
    long RetryBackoff,
    long Terminated,
    long Succeeded,
    long Failed);
