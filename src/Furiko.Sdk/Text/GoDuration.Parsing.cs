using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using NodaTime;

namespace Furiko.Sdk.Text;

/// <summary>Reading Go duration syntax (<c>time.ParseDuration</c>), as <c>furiko kill --after</c> takes it.</summary>
public static partial class GoDuration
{
    // Go keeps a duration in a signed 64-bit count of nanoseconds; the magnitude of a negative one may be 2^63.
    private static readonly BigInteger MaxMagnitude = BigInteger.One << 63;

    /// <summary>
    /// Parses a duration in Go's syntax: an optional sign, then one or more decimal numbers, each with an optional
    /// fraction and a unit (<c>ns</c>, <c>us</c>, <c>µs</c>, <c>μs</c>, <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>),
    /// for example <c>40s</c>, <c>5m</c>, <c>1h30m</c>, <c>1.5h</c>, <c>300ms</c>, <c>-1m</c>; a bare <c>0</c> is
    /// zero. As in Go, the result must fit in a signed 64-bit count of nanoseconds (about 292 years), and there
    /// are no days or longer units. Fractions are computed exactly and truncated to whole nanoseconds (Go uses
    /// floating point there, which can differ by a nanosecond for fractions with many digits).
    /// </summary>
    /// <param name="text">The text, for example <c>1h30m</c>.</param>
    /// <param name="duration">The duration read, when the text is valid; zero otherwise.</param>
    /// <param name="error">
    /// Why the text is not a duration, in Go's words, for example <c>time: missing unit in duration "5"</c>;
    /// <see langword="null"/> when it is valid.
    /// </param>
    /// <returns><see langword="true"/> when the text is a valid duration.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Duration duration, [NotNullWhen(false)] out string? error)
    {
        duration = Duration.Zero;
        if (text is null)
        {
            error = "time: invalid duration \"\"";
            return false;
        }

        error = ParseNanoseconds(text, out var nanoseconds);
        if (error is not null)
        {
            return false;
        }

        duration = Duration.FromNanoseconds(nanoseconds);
        return true;
    }

    /// <summary>Parses a duration in Go's syntax; see <see cref="TryParse(string?, out Duration, out string?)"/> for the rules.</summary>
    /// <param name="text">The text, for example <c>1h30m</c>.</param>
    /// <param name="duration">The duration read, when the text is valid; zero otherwise.</param>
    /// <returns><see langword="true"/> when the text is a valid duration.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Duration duration) => TryParse(text, out duration, out _);

    /// <summary>Parses a duration in Go's syntax; see <see cref="TryParse(string?, out Duration, out string?)"/> for the rules.</summary>
    /// <param name="text">The text, for example <c>1h30m</c>.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a Go duration; the message is Go's, for example <c>time: unknown unit "d" in duration "1d"</c>.</exception>
    public static Duration Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var duration, out var error) ? duration : throw new FormatException(error);
    }

    // Returns null on success; otherwise Go's error message. Follows the structure of Go's time.ParseDuration.
    private static string? ParseNanoseconds(string original, out BigInteger nanoseconds)
    {
        nanoseconds = BigInteger.Zero;
        var s = original.AsSpan();
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s is "0")
        {
            return null;
        }

        if (s.IsEmpty)
        {
            return Invalid(original);
        }

        var total = BigInteger.Zero;
        while (!s.IsEmpty)
        {
            // The number: digits, optionally a point and more digits; at least one digit on either side.
            if (!(s[0] == '.' || char.IsAsciiDigit(s[0])))
            {
                return Invalid(original);
            }

            var wholeDigits = CountDigits(s);
            var whole = wholeDigits > 0 ? BigInteger.Parse(s[..wholeDigits], provider: System.Globalization.CultureInfo.InvariantCulture) : BigInteger.Zero;
            s = s[wholeDigits..];
            var fraction = BigInteger.Zero;
            var scale = BigInteger.One;
            var fractionDigits = 0;
            if (!s.IsEmpty && s[0] == '.')
            {
                s = s[1..];
                fractionDigits = CountDigits(s);
                if (fractionDigits > 0)
                {
                    fraction = BigInteger.Parse(s[..fractionDigits], provider: System.Globalization.CultureInfo.InvariantCulture);
                    scale = BigInteger.Pow(10, fractionDigits);
                }

                s = s[fractionDigits..];
            }

            if (wholeDigits == 0 && fractionDigits == 0)
            {
                // Just a point: ".s" or "1h.".
                return Invalid(original);
            }

            var unitLength = 0;
            while (unitLength < s.Length && s[unitLength] != '.' && !char.IsAsciiDigit(s[unitLength]))
            {
                unitLength++;
            }

            if (unitLength == 0)
            {
                return $"time: missing unit in duration {Quote(original)}";
            }

            var unit = s[..unitLength].ToString();
            s = s[unitLength..];
            if (UnitNanoseconds(unit) is not { } unitNanos)
            {
                return $"time: unknown unit {Quote(unit)} in duration {Quote(original)}";
            }

            total += (whole * unitNanos) + (fraction * unitNanos / scale);
            if (total > MaxMagnitude)
            {
                return Invalid(original);
            }
        }

        if (!negative && total == MaxMagnitude)
        {
            return Invalid(original);
        }

        nanoseconds = negative ? -total : total;
        return null;
    }

    private static int CountDigits(ReadOnlySpan<char> s)
    {
        var count = 0;
        while (count < s.Length && char.IsAsciiDigit(s[count]))
        {
            count++;
        }

        return count;
    }

    private static long? UnitNanoseconds(string unit) => unit switch
    {
        "ns" => 1L,
        "us" or "\u00b5s" or "\u03bcs" => 1_000L,
        "ms" => 1_000_000L,
        "s" => 1_000_000_000L,
        "m" => 60L * 1_000_000_000L,
        "h" => 3_600L * 1_000_000_000L,
        _ => null,
    };

    private static string Invalid(string original) => $"time: invalid duration {Quote(original)}";

    // Go quotes the text with double quotes and backslash escapes.
    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
