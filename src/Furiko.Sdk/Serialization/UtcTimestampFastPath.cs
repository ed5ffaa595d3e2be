using System.Numerics;
using NodaTime;

namespace Furiko.Sdk.Serialization;

/// <summary>
/// Reads the one timestamp layout the API server and Furiko write, <c>2006-01-02T15:04:05Z</c> with an optional
/// <c>.</c> and 1 to 9 fraction digits, straight from UTF-16 or UTF-8 text without allocating. It declines anything
/// else (an offset, a lower-case letter, a comma before the fraction, a field out of range, year 0) and leaves it to
/// <see cref="InstantJsonConverter"/>'s full RFC 3339 pattern, so what an accepted text means never depends on which
/// path read it. A list of 1,000 Jobs holds thousands of timestamps, which the full pattern reads ten times slower
/// (about 200 ns against 20 ns each).
/// Stateless; thread-safe.
/// </summary>
internal static class UtcTimestampFastPath
{
    // "2006-01-02T15:04:05Z" and the same with ".123456789" before the Z.
    private const int ShortestLength = 20;
    private const int LongestLength = ShortestLength + 10;

    /// <summary>Nanoseconds per unit of the last digit, by number of fraction digits (index 1 to 9).</summary>
    private static ReadOnlySpan<int> FractionScale => [0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

    /// <summary>Reads <paramref name="text"/> when it has the common layout.</summary>
    /// <typeparam name="TChar"><see cref="char"/> for UTF-16 text, <see cref="byte"/> for UTF-8.</typeparam>
    /// <param name="text">The timestamp text, without quotes.</param>
    /// <param name="instant">The instant it denotes, when accepted.</param>
    /// <returns><see langword="true"/> when the text has the common layout and valid fields; otherwise the caller must use the full pattern.</returns>
    public static bool TryParse<TChar>(ReadOnlySpan<TChar> text, out Instant instant)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        instant = default;
        if (text.Length is < ShortestLength or > LongestLength
            || !TryDigits(text, 0, 4, out var year) || At(text, 4) != '-'
            || !TryDigits(text, 5, 2, out var month) || At(text, 7) != '-'
            || !TryDigits(text, 8, 2, out var day) || At(text, 10) != 'T'
            || !TryDigits(text, 11, 2, out var hour) || At(text, 13) != ':'
            || !TryDigits(text, 14, 2, out var minute) || At(text, 16) != ':'
            || !TryDigits(text, 17, 2, out var second) || At(text, text.Length - 1) != 'Z')
        {
            return false;
        }

        long nanoseconds = 0;
        if (text.Length > ShortestLength)
        {
            var digits = text.Length - ShortestLength - 1;
            if (At(text, 19) != '.' || digits < 1 || !TryDigits(text, 20, digits, out var fraction))
            {
                return false;
            }

            nanoseconds = (long)fraction * FractionScale[digits];
        }

        // Hour 24 is left to the full pattern, which rejects it as RFC 3339 does; year 0 is left to it as well.
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        instant = Instant.FromUtc(year, month, day, hour, minute, second).PlusNanoseconds(nanoseconds);
        return true;
    }

    private static int At<TChar>(ReadOnlySpan<TChar> text, int index)
        where TChar : unmanaged, IBinaryInteger<TChar> => int.CreateTruncating(text[index]);

    private static bool TryDigits<TChar>(ReadOnlySpan<TChar> text, int start, int count, out int value)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = At(text, i) - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
