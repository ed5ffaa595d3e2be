using Furiko.Cli.Output;
using NodaTime;

namespace Furiko.Cli.Tests.Output;

public class HumanAgeTests
{
    [Theory]
    [InlineData(-5, "<invalid>")]
    [InlineData(-1, "0s")]
    [InlineData(0, "0s")]
    [InlineData(45, "45s")]
    [InlineData(119, "119s")]
    [InlineData(120, "2m")]
    [InlineData(330, "5m30s")]
    [InlineData(600, "10m")]
    [InlineData(5400, "90m")]
    [InlineData(10800, "3h")]
    [InlineData(15600, "4h20m")]
    [InlineData(72000, "20h")]
    [InlineData(47 * 3600, "47h")]
    [InlineData(2 * 86400, "2d")]
    [InlineData(3 * 86400 + 4 * 3600, "3d4h")]
    [InlineData(40 * 86400, "40d")]
    [InlineData(730 * 86400 + 30 * 86400, "2y30d")]
    [InlineData(9 * 365 * 86400, "9y")]
    public void Ages_read_as_kubectl_shows_them(long seconds, string expected)
    {
        Assert.Equal(expected, HumanAge.Format(Duration.FromSeconds(seconds)));
    }
}
