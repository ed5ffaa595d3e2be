using Furiko.Sdk.Models;

namespace Furiko.Sdk.Status;

/// <summary>The Job state that goes with a condition (FURIKO-SEMANTICS 6.4). Pure; thread-safe.</summary>
public static class JobStateOf
{
    /// <summary>
    /// Queueing -&gt; Queued, waiting -&gt; Waiting, running -&gt; Running, finished -&gt; Finished; no member
    /// set -&gt; Queued. When several are set, the first of finished, running, waiting, queueing wins.
    /// </summary>
    /// <param name="condition">The condition.</param>
    /// <returns>The state.</returns>
    public static JobState Condition(JobCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return condition.Finished is not null ? JobState.Finished
            : condition.Running is not null ? JobState.Running
            : condition.Waiting is not null ? JobState.Waiting
            : JobState.Queued;
    }
}
