using NodaTime;
using NodaTime.Text;

namespace Furiko.Sdk.Termination;

/// <summary>
/// Why a termination decision was taken: the rule that fired, the instant it was evaluated at, and the deadline
/// that instant reached. Building one allocates nothing; the text of <see cref="ToString"/> is made only when
/// asked for. Immutable; thread-safe.
/// </summary>
/// <param name="Rule">The rule that fired.</param>
/// <param name="EvaluatedAt">The instant the rule was evaluated at ("now" of the planning pass).</param>
/// <param name="Deadline">
/// The instant from which the rule applies (for example the kill time, or a Pod's creation plus the pending
/// timeout); <see langword="null"/> for a rule that has no deadline (a parallel Job's completion).
/// </param>
public readonly record struct TerminationCause(TerminationRule Rule, Instant EvaluatedAt, Instant? Deadline)
{
    /// <summary>One line for people, for example <c>PendingTimeout: deadline 2021-02-09T04:15:00Z reached at 2021-02-09T04:15:00Z</c>.</summary>
    /// <returns>The explanation.</returns>
    public override string ToString()
    {
        var at = InstantPattern.ExtendedIso.Format(EvaluatedAt);
        return Deadline is { } deadline
            ? $"{Rule}: deadline {InstantPattern.ExtendedIso.Format(deadline)} reached at {at}"
            : $"{Rule}: fired at {at}";
    }
}
