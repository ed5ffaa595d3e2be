using Furiko.Sdk.Text;
using NodaTime;

namespace Furiko.Sdk.Termination.Planning;

/// <summary>
/// The earliest time a termination decision about a Job can change by itself: when to plan again.
/// Immutable; thread-safe.
/// </summary>
/// <param name="At">The earliest deadline: a future kill time, pending-timeout deadline, force-deletion deadline or trigger time.</param>
/// <param name="After">How long from the pass to wait: <c>At - now</c>, never less than one second (FURIKO-SEMANTICS 3, Requeues).</param>
/// <param name="Rule">The rule whose deadline it is.</param>
public readonly record struct TerminationWakeUp(Instant At, Duration After, TerminationRule Rule)
{
    /// <summary>The shortest wait ever asked for: one second, as in Furiko.</summary>
    public static Duration MinimumWait { get; } = Duration.FromSeconds(1);

    /// <summary>For logs, for example <c>PendingTimeout at 2021-02-09T04:15:00Z (in 15m0s)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{Rule} at {NodaTime.Text.InstantPattern.ExtendedIso.Format(At)} (in {GoDuration.Format(After)})";
}
