using Furiko.Sdk.Text;
using NodaTime;

namespace Furiko.Sdk.Tests.Text;

public class GoDurationTests
{
    [Theory]
    [InlineData(900, "15m0s")]
    [InlineData(60, "1m0s")]
    [InlineData(30, "30s")]
    [InlineData(3600, "1h0m0s")]
    [InlineData(5400, "1h30m0s")]
    [InlineData(0, "0s")]
    [InlineData(1, "1s")]
    [InlineData(59, "59s")]
    [InlineData(61, "1m1s")]
    [InlineData(3599, "59m59s")]
    [InlineData(3601, "1h0m1s")]
    [InlineData(90061, "25h1m1s")]
    [InlineData(-30, "-30s")]
    [InlineData(-5400, "-1h30m0s")]
    public void Whole_seconds_format_as_Go_does(long seconds, string expected)
    {
        Assert.Equal(expected, GoDuration.Format(Duration.FromSeconds(seconds)));
    }

    [Theory]
    [InlineData(1, "1ns")]
    [InlineData(999, "999ns")]
    [InlineData(1_000, "1\u00b5s")]
    [InlineData(1_500, "1.5\u00b5s")]
    [InlineData(1_000_000, "1ms")]
    [InlineData(1_500_000, "1.5ms")]
    [InlineData(999_999_999, "999.999999ms")]
    [InlineData(1_500_000_000, "1.5s")]
    [InlineData(61_000_000_001, "1m1.000000001s")]
    [InlineData(-1_500_000, "-1.5ms")]
    public void Fractions_use_the_largest_fitting_unit_and_drop_trailing_zeros(long nanoseconds, string expected)
    {
        Assert.Equal(expected, GoDuration.Format(Duration.FromNanoseconds(nanoseconds)));
    }

    [Fact]
    public void Durations_beyond_Go_s_range_still_format()
    {
        // Go's int64 nanoseconds stop at about 2562047h; NodaTime goes further and the format simply continues.
        Assert.Equal("8760000h0m0s", GoDuration.Format(Duration.FromDays(365_000)));
    }
}
