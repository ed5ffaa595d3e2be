using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using Furiko.Sdk.Termination.Triggers;
using NodaTime;

namespace Furiko.Sdk.Termination.ParallelCompletion;

/// <summary>
/// Kills the remaining tasks of a parallel Job once its completion strategy has decided the outcome
/// (FURIKO-SEMANTICS 4, the parallel part of shouldKillJob): the Job has <c>spec.template.parallelism</c>, its
/// <c>status.parallelStatus</c> is complete with <c>successful</c> set, and either the strategy is
/// <c>AllSuccessful</c> (also when empty) and <c>successful</c> is false, or it is <c>AnySuccessful</c> and
/// <c>successful</c> is true. Any other strategy never kills. Reads the parallel status the caller derived for
/// this pass. Stateless; thread-safe.
/// </summary>
public sealed class ParallelCompletionTrigger : IJobTerminationTrigger
{
    /// <inheritdoc />
    public TerminationRule Rule => TerminationRule.ParallelCompletion;

    /// <inheritdoc />
    public JobTriggerDecision Evaluate(Job job, IReadOnlyList<ObservedTask> tasks, Instant now)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Spec?.Template?.Parallelism is not { } parallelism
            || job.Status?.ParallelStatus is not { Complete: true, Successful: { } successful })
        {
            return JobTriggerDecision.NotDue;
        }

        var strategy = parallelism.EffectiveCompletionStrategy;
        var kill = (strategy == ParallelCompletionStrategy.AllSuccessful && !successful)
            || (strategy == ParallelCompletionStrategy.AnySuccessful && successful);
        return kill ? JobTriggerDecision.Due() : JobTriggerDecision.NotDue;
    }
}
