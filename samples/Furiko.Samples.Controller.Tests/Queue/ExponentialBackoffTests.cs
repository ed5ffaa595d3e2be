using Furiko.Samples.Controller.Queue;

namespace Furiko.Samples.Controller.Tests.Queue;

public sealed class ExponentialBackoffTests
{
    [Fact]
    public void The_delay_doubles_with_each_failure_from_the_base()
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));

        Assert.Equal(
            [1, 2, 4, 8, 16, 32, 64, 128, 256],
            Enumerable.Range(1, 9).Select(n => backoff.DelayAfter(n).TotalSeconds).ToArray());
    }

    [Fact]
    public void The_delay_stops_growing_at_the_cap_and_never_overflows()
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));

        Assert.Equal(TimeSpan.FromMinutes(5), backoff.DelayAfter(10)); // 512 s capped
        Assert.Equal(TimeSpan.FromMinutes(5), backoff.DelayAfter(100));
        Assert.Equal(TimeSpan.FromMinutes(5), backoff.DelayAfter(int.MaxValue));
    }

    [Fact]
    public void A_cap_between_two_steps_is_reached_exactly()
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(1));

        Assert.Equal(
            [300, 600, 1000, 1000],
            Enumerable.Range(1, 4).Select(n => backoff.DelayAfter(n).TotalMilliseconds).ToArray());
    }

    [Fact]
    public void Out_of_range_settings_and_failure_counts_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialBackoff(TimeSpan.Zero, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialBackoff(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)).DelayAfter(0));
    }
}
