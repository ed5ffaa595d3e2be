using Furiko.Sdk.Text;
using NodaTime;

namespace Furiko.Sdk.Tests.Text;

public class GoTimeFormatTests
{
    [Fact]
    public void Whole_seconds_have_no_fraction() =>
        Assert.Equal("2021-02-09 04:06:09 +0000 UTC", GoTimeFormat.Format(Instant.FromUtc(2021, 2, 9, 4, 6, 9)));

    [Fact]
    public void Fractions_drop_trailing_zeros() =>
        Assert.Equal("2021-02-09 04:06:09.5 +0000 UTC", GoTimeFormat.Format(Instant.FromUtc(2021, 2, 9, 4, 6, 9) + Duration.FromMilliseconds(500)));

    [Fact]
    public void Nanoseconds_are_kept() =>
        Assert.Equal("2021-02-09 04:06:09.000000001 +0000 UTC", GoTimeFormat.Format(Instant.FromUtc(2021, 2, 9, 4, 6, 9) + Duration.FromNanoseconds(1)));
}
