using System.Text;
using CsCheck;
using Furiko.Sdk.Models;
using Furiko.Sdk.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Furiko.Sdk.Tests.Serialization;

/// <summary>
/// The allocation-free reader of the common timestamp layout must mean exactly what the full RFC 3339 pattern
/// means: whatever it accepts, the full pattern accepts as the same instant; whatever else it declines.
/// </summary>
public class UtcTimestampFastPathTests
{
    // The full pattern of InstantJsonConverter, as the oracle.
    private static readonly OffsetDateTimePattern FullPattern =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<Z+HH:mm>");

    [Theory]
    [InlineData("2022-03-05T16:27:00Z", 0L)]
    [InlineData("2022-03-05T16:27:00.5Z", 500_000_000L)]
    [InlineData("2022-03-05T16:27:00.000000001Z", 1L)]
    [InlineData("2022-03-05T16:27:00.123456789Z", 123_456_789L)]
    public void The_layout_the_API_server_writes_is_read_on_the_fast_path(string text, long nanoseconds)
    {
        var expected = Instant.FromUtc(2022, 3, 5, 16, 27, 0).PlusNanoseconds(nanoseconds);

        Assert.True(UtcTimestampFastPath.TryParse(text.AsSpan(), out var fromChars));
        Assert.True(UtcTimestampFastPath.TryParse(Encoding.UTF8.GetBytes(text).AsSpan(), out var fromBytes));
        Assert.Equal(expected, fromChars);
        Assert.Equal(expected, fromBytes);
    }

    [Theory]
    [InlineData("2024-02-29T00:00:00Z", true)]
    [InlineData("2023-02-29T00:00:00Z", false)]
    [InlineData("2000-02-29T00:00:00Z", true)]
    [InlineData("1900-02-29T00:00:00Z", false)]
    [InlineData("9999-12-31T23:59:59.999999999Z", true)]
    public void Leap_days_follow_the_Gregorian_calendar(string text, bool valid)
    {
        Assert.Equal(valid, UtcTimestampFastPath.TryParse(text.AsSpan(), out _));
        Assert.Equal(valid, FullPattern.Parse(text).Success);
    }

    [Theory]
    [InlineData("2022-03-05t16:27:00Z")]
    [InlineData("2022-03-05T16:27:00z")]
    [InlineData("2022-03-06T00:27:00+08:00")]
    [InlineData("2022-03-05T16:27:00,5Z")]
    [InlineData("2022-03-05T16:27:00.Z")]
    [InlineData("2022-03-05T16:27:00.1234567890Z")]
    [InlineData("2022-03-05T24:00:00Z")]
    [InlineData("2022-03-05T16:60:00Z")]
    [InlineData("2022-03-05T16:27:60Z")]
    [InlineData("2022-13-05T16:27:00Z")]
    [InlineData("2022-00-05T16:27:00Z")]
    [InlineData("2022-03-00T16:27:00Z")]
    [InlineData("0000-03-05T16:27:00Z")]
    [InlineData("2022-03-05 16:27:00Z")]
    [InlineData("2022-03-05T16:27:0Z")]
    [InlineData("+022-03-05T16:27:00Z")]
    public void Any_other_layout_is_declined_and_left_to_the_full_pattern(string text)
    {
        Assert.False(UtcTimestampFastPath.TryParse(text.AsSpan(), out _));
        Assert.False(UtcTimestampFastPath.TryParse(Encoding.UTF8.GetBytes(text).AsSpan(), out _));
    }

    [Fact]
    public void Whatever_the_fast_path_accepts_the_full_pattern_reads_as_the_same_instant()
    {
        var accepted = 0;
        NearTimestamps.Sample(
            text =>
            {
                var fast = UtcTimestampFastPath.TryParse(text.AsSpan(), out var instant);
                var fastBytes = UtcTimestampFastPath.TryParse(Encoding.UTF8.GetBytes(text).AsSpan(), out var instantFromBytes);
                Assert.Equal(fast, fastBytes);
                if (fast)
                {
                    accepted++;
                    var full = FullPattern.Parse(text);
                    Assert.True(full.Success, $"the full pattern rejects '{text}'");
                    Assert.Equal(full.Value.ToInstant(), instant);
                    Assert.Equal(instant, instantFromBytes);
                }
            },
            iter: 20_000,
            threads: 1);

        // The generator mostly makes valid timestamps; a fast path that declined everything would pass vacuously.
        Assert.True(accepted > 1_000, $"only {accepted} timestamps took the fast path");
    }

    [Fact]
    public void Whatever_the_fast_path_declines_still_reads_as_before_through_the_converter()
    {
        NearTimestamps.Sample(
            text =>
            {
                var full = FullPattern.Parse(text.ToUpperInvariant());
                var valid = full.Success && !(text.Length > 12 && text[11] == '2' && text[12] == '4');
                Assert.Equal(valid, InstantJsonConverter.TryParse(text, out var instant, out _));
                if (valid)
                {
                    Assert.Equal(full.Value.ToInstant(), instant);
                }
            },
            iter: 20_000,
            threads: 1);
    }

    [Fact]
    public void An_escaped_timestamp_in_JSON_is_read_on_the_full_path_to_the_same_instant()
    {
        var job = FurikoJson.Deserialize<Job>("""{"spec":{"killTimestamp":"2022-03-05T16:27:00\u005A"}}""");

        Assert.Equal(Instant.FromUtc(2022, 3, 5, 16, 27, 0), job.Spec.KillTimestamp);
    }

    // Timestamps of the common layout with fields at and past their limits, other separators, fractions of 0 to 10
    // digits, other zones and letters in either case; sometimes one character replaced.
    private static Gen<string> NearTimestamps { get; } = Gen.Select(
        Gen.OneOf(Gen.Const(0), Gen.Const(1), Gen.Const(1900), Gen.Const(2000), Gen.Const(2024), Gen.Const(9999), Gen.Int[0, 9999]),
        Gen.Int[0, 13],
        Gen.Int[0, 32],
        Gen.OneOf(Gen.Const("T"), Gen.Const("T"), Gen.Const("T"), Gen.Const("t"), Gen.Const(" ")),
        Gen.Int[0, 25],
        Gen.Int[0, 61],
        Gen.Int[0, 61],
        Gen.Select(Gen.OneOf(Gen.Const(""), Gen.Const("."), Gen.Const("."), Gen.Const(",")), Gen.Int[0, 10], Gen.Long[0, 9_999_999_999L], Fraction),
        Gen.OneOf(Gen.Const("Z"), Gen.Const("Z"), Gen.Const("Z"), Gen.Const("z"), Gen.Const("+08:00"), Gen.Const("-00:00"), Gen.Const("")),
        Gen.Int[0, 40],
        Gen.Char['\0', '\u007f'],
        (year, month, day, t, hour, minute, second, fraction, zone, position, replacement) =>
        {
            var text = $"{year:D4}-{month:D2}-{day:D2}{t}{hour:D2}:{minute:D2}:{second:D2}{fraction}{zone}";

            // Most texts are left whole so that many are valid; the rest get one character replaced.
            return position < text.Length && position % 4 == 0 ? text[..position] + replacement + text[(position + 1)..] : text;
        });

    private static string Fraction(string separator, int digits, long value) =>
        separator.Length == 0 ? string.Empty : separator + value.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)[..digits];
}
