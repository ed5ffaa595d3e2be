using Furiko.Sdk.Models;
using NodaTime;

namespace Furiko.Sdk.Termination.KillTimestamp;

/// <summary>
/// Furiko's rule: a kill is due once <c>spec.killTimestamp &lt;= now</c>, inclusive (FURIKO-SEMANTICS 4); a
/// future kill time is reported as scheduled so the planner wakes up then (FURIKO-SEMANTICS 7.1). Stateless;
/// thread-safe.
/// </summary>
public sealed class KillTimestampEvaluator : IKillTimestampEvaluator
{
    /// <inheritdoc />
    public KillTimestampDecision Evaluate(Job job, Instant now)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Spec?.KillTimestamp is not { } killAt)
        {
            return KillTimestampDecision.NotRequested;
        }

        return killAt <= now ? KillTimestampDecision.Due(killAt) : KillTimestampDecision.Scheduled(killAt);
    }
}
