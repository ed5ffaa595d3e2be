using CsCheck;
using Furiko.Sdk.Text;
using NodaTime;

namespace Furiko.Sdk.Tests.Text;

public class GoDurationParsingTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("+0", 0L)]
    [InlineData("-0", 0L)]
    [InlineData("40s", 40_000_000_000L)]
    [InlineData("5m", 300_000_000_000L)]
    [InlineData("1h30m", 5_400_000_000_000L)]
    [InlineData("1.5h", 5_400_000_000_000L)]
    [InlineData("300ms", 300_000_000L)]
    [InlineData("-1m", -60_000_000_000L)]
    [InlineData("+5s", 5_000_000_000L)]
    [InlineData("1h0m0s", 3_600_000_000_000L)]
    [InlineData("2m3s4ms", 123_004_000_000L)]
    [InlineData("1s1s", 2_000_000_000L)]
    [InlineData("1ns", 1L)]
    [InlineData("1us", 1_000L)]
    [InlineData("1\u00b5s", 1_000L)]
    [InlineData("1\u03bcs", 1_000L)]
    [InlineData(".5s", 500_000_000L)]
    [InlineData("1.s", 1_000_000_000L)]
    [InlineData("1.0000000001s", 1_000_000_000L)]
    [InlineData("0.1ns", 0L)]
    [InlineData("9223372036854775807ns", long.MaxValue)]
    [InlineData("-9223372036854775808ns", long.MinValue)]
    [InlineData("2562047h47m16.854775807s", long.MaxValue)]
    public void Valid_durations_parse_as_Go_parses_them(string text, long nanoseconds)
    {
        Assert.True(GoDuration.TryParse(text, out var duration, out var error), error);
        Assert.Equal(Duration.FromNanoseconds(nanoseconds), duration);
        Assert.Equal(Duration.FromNanoseconds(nanoseconds), GoDuration.Parse(text));
    }

    [Theory]
    [InlineData("", "time: invalid duration \"\"")]
    [InlineData("-", "time: invalid duration \"-\"")]
    [InlineData("s", "time: invalid duration \"s\"")]
    [InlineData(".s", "time: invalid duration \".s\"")]
    [InlineData("1h.", "time: invalid duration \"1h.\"")]
    [InlineData("5", "time: missing unit in duration \"5\"")]
    [InlineData("1h5", "time: missing unit in duration \"1h5\"")]
    [InlineData("00", "time: missing unit in duration \"00\"")]
    [InlineData("1d", "time: unknown unit \"d\" in duration \"1d\"")]
    [InlineData("1 h", "time: unknown unit \" h\" in duration \"1 h\"")]
    [InlineData("1H", "time: unknown unit \"H\" in duration \"1H\"")]
    [InlineData("--1s", "time: invalid duration \"--1s\"")]
    [InlineData(" 1s", "time: invalid duration \" 1s\"")]
    [InlineData("9223372036854775808ns", "time: invalid duration \"9223372036854775808ns\"")]
    [InlineData("-9223372036854775809ns", "time: invalid duration \"-9223372036854775809ns\"")]
    [InlineData("3000000h", "time: invalid duration \"3000000h\"")]
    public void Invalid_durations_fail_with_Gos_message(string text, string message)
    {
        Assert.False(GoDuration.TryParse(text, out var duration, out var error));
        Assert.Equal(Duration.Zero, duration);
        Assert.Equal(message, error);
        Assert.Equal(message, Assert.Throws<FormatException>(() => GoDuration.Parse(text)).Message);
    }

    [Fact]
    public void Null_is_not_a_duration()
    {
        Assert.False(GoDuration.TryParse(null, out _));
        Assert.Throws<ArgumentNullException>(() => GoDuration.Parse(null!));
    }

    [Fact]
    public void What_Format_writes_Parse_reads_back()
    {
        Gen.Long[-1_000_000_000_000_000_000L, 1_000_000_000_000_000_000L].Sample(nanoseconds =>
        {
            var duration = Duration.FromNanoseconds(nanoseconds);
            Assert.Equal(duration, GoDuration.Parse(GoDuration.Format(duration)));
        });
    }
}
