using System.Globalization;
using System.Text;
using NodaTime;

namespace Furiko.Sdk.Text;

/// <summary>
/// Formats a duration the way Go's <c>time.Duration.String</c> does, as Furiko's messages show durations:
/// 900 s is <c>15m0s</c>, 60 s <c>1m0s</c>, 30 s <c>30s</c>, 5400 s <c>1h30m0s</c>, 1.5 ms <c>1.5ms</c>, zero <c>0s</c>
/// (FURIKO-SEMANTICS 2). Thread-safe.
/// </summary>
public static partial class GoDuration
{
    private const long NanosPerMicrosecond = 1_000;
    private const long NanosPerMillisecond = 1_000_000;
    private const long NanosPerSecond = 1_000_000_000;

    /// <summary>Formats a duration in Go's format.</summary>
    /// <param name="duration">The duration; any sign and size NodaTime can hold (unlike Go, not limited to 292 years).</param>
    /// <returns>For example <c>1h0m0s</c>, <c>-2.5s</c>, <c>750µs</c> (with the micro sign U+00B5, as Go writes it).</returns>
    public static string Format(Duration duration)
    {
        var nanoseconds = (Int128)duration.ToBigIntegerNanoseconds();
        if (nanoseconds == 0)
        {
            return "0s";
        }

        var negative = nanoseconds < 0;
        var magnitude = negative ? -nanoseconds : nanoseconds;
        var text = new StringBuilder(24);
        if (negative)
        {
            text.Append('-');
        }

        if (magnitude < NanosPerSecond)
        {
            // Go switches to the largest unit below a second that keeps an integer part: ns, µs or ms.
            var small = (long)magnitude;
            var (unitNanos, unit) = small switch
            {
                < NanosPerMicrosecond => (1L, "ns"),
                < NanosPerMillisecond => (NanosPerMicrosecond, "\u00b5s"),
                _ => (NanosPerMillisecond, "ms"),
            };
            AppendDecimal(text, small / unitNanos, small % unitNanos, unitNanos);
            return text.Append(unit).ToString();
        }

        var totalSeconds = magnitude / NanosPerSecond;
        var fraction = (long)(magnitude % NanosPerSecond);
        var minutes = totalSeconds / 60;
        if (minutes > 0)
        {
            var hours = minutes / 60;
            if (hours > 0)
            {
                text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
            }

            // Once a larger unit is shown, Go shows every smaller one, even when zero: 1h0m0s.
            text.Append((minutes % 60).ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        AppendDecimal(text, totalSeconds % 60, fraction, NanosPerSecond);
        return text.Append('s').ToString();
    }

    // Writes whole.fraction where fraction counts units of 1/scale, without trailing zeros and without the
    // point when the fraction is zero, as Go's fmtFrac does.
    private static void AppendDecimal(StringBuilder text, Int128 whole, long fraction, long scale)
    {
        text.Append(whole.ToString(CultureInfo.InvariantCulture));
        if (fraction == 0)
        {
            return;
        }

        var digits = scale.ToString(CultureInfo.InvariantCulture).Length - 1;
        var fractionText = fraction.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0');
        text.Append('.').Append(fractionText);
    }
}
