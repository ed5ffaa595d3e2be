using Furiko.Cli.Output;
using NodaTime;

namespace Furiko.Cli.Tests.Output;

public class TimeDisplayTests
{
    private static readonly Instant Furiko = Instant.FromUtc(2021, 2, 9, 4, 4, 4);

    [Theory]
    [InlineData("UTC", "Tue, 09 Feb 2021 04:04:04 +00:00")]
    [InlineData("Asia/Singapore", "Tue, 09 Feb 2021 12:04:04 +08:00")]
    [InlineData("America/New_York", "Mon, 08 Feb 2021 23:04:04 -05:00")]
    [InlineData("Asia/Kolkata", "Tue, 09 Feb 2021 09:34:04 +05:30")]
    public void Times_use_Furikos_layout_in_the_given_zone(string zone, string expected)
    {
        Assert.Equal(expected, new TimeDisplay(DateTimeZoneProviders.Tzdb[zone]).Format(Furiko));
    }

    [Fact]
    public void Daylight_saving_changes_the_offset()
    {
        var display = new TimeDisplay(DateTimeZoneProviders.Tzdb["Europe/London"]);

        Assert.Equal("Thu, 01 Jul 2021 05:00:00 +01:00", display.Format(Instant.FromUtc(2021, 7, 1, 4, 0)));
    }

    [Fact]
    public void Fractions_of_a_second_are_not_shown()
    {
        Assert.Equal("Tue, 09 Feb 2021 04:04:04 +00:00", new TimeDisplay(DateTimeZone.Utc).Format(Furiko + Duration.FromMilliseconds(999)));
    }

    [Theory]
    [InlineData(0, "now")]
    [InlineData(90, "in 1m30s")]
    [InlineData(-3600, "1h0m0s ago")]
    public void Relative_times_use_Gos_durations(long seconds, string expected)
    {
        Assert.Equal(expected, TimeDisplay.Relative(Furiko + Duration.FromSeconds(seconds), Furiko));
    }
}
