using NodaTime;
using NodaTime.Text;

namespace Furiko.Cli.Output;

/// <summary>
/// Shows instants to people in their own time zone, in the layout Furiko's CLI uses for
/// <c>Requested for job ... to be killed at Tue, 09 Feb 2021 04:04:04 +00:00</c> (FURIKO-SEMANTICS 5.6).
/// Immutable; thread-safe.
/// </summary>
internal sealed class TimeDisplay
{
    private static readonly ZonedDateTimePattern Layout =
        ZonedDateTimePattern.CreateWithInvariantCulture("ddd, dd MMM uuuu HH':'mm':'ss o<+HH:mm>", null);

    /// <summary>Creates the formatter for a zone.</summary>
    /// <param name="zone">The zone to show times in.</param>
    public TimeDisplay(DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Zone = zone;
    }

    /// <summary>The zone times are shown in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Formats an instant, for example <c>Tue, 09 Feb 2021 12:04:04 +08:00</c>.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The text; fractions of a second are not shown.</returns>
    public string Format(Instant instant) => Layout.Format(instant.InZone(Zone));

    /// <summary>An instant relative to now, for example <c>in 5m0s</c> or <c>2m0s ago</c>, in Go's duration format.</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The text; <c>now</c> when equal.</returns>
    public static string Relative(Instant instant, Instant now)
    {
        var difference = instant - now;
        return difference == Duration.Zero
            ? "now"
            : difference > Duration.Zero
                ? "in " + Sdk.Text.GoDuration.Format(Truncate(difference))
                : Sdk.Text.GoDuration.Format(Truncate(-difference)) + " ago";
    }

    // Whole seconds read better than nanoseconds in a relative time.
    private static Duration Truncate(Duration duration) => Duration.FromSeconds((long)Math.Floor(duration.TotalSeconds));
}
