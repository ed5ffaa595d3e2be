using Furiko.Sdk.Models;
using NodaTime;

namespace Furiko.Sdk.Termination.KillTimestamp;

/// <summary>
/// Decides whether a Job's explicit kill request (<c>spec.killTimestamp</c>) is due. Replace it to change when
/// requested kills take effect. Implementations must be pure (no I/O, no clock: "now" is
/// given) and thread-safe.
/// </summary>
public interface IKillTimestampEvaluator
{
    /// <summary>Evaluates the Job's kill request at <paramref name="now"/>.</summary>
    /// <param name="job">The Job.</param>
    /// <param name="now">The instant of the planning pass.</param>
    /// <returns>Not requested, scheduled for later, or due.</returns>
    KillTimestampDecision Evaluate(Job job, Instant now);
}
