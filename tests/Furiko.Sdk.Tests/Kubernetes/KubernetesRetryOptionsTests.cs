using Furiko.Sdk.Kubernetes;
using NSubstitute;

namespace Furiko.Sdk.Tests.Kubernetes;

public class KubernetesRetryOptionsTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        var options = new KubernetesRetryOptions();

        Assert.Empty(options.Validate());
        Assert.Equal((5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), true), (options.MaxAttempts, options.BaseDelay, options.MaxDelay, options.UseJitter));
    }

    [Fact]
    public void Every_problem_is_listed_with_the_setting_its_value_and_the_allowed_range()
    {
        var options = new KubernetesRetryOptions { MaxAttempts = 0, BaseDelay = TimeSpan.FromSeconds(-1), MaxDelay = TimeSpan.FromDays(2) };

        var ex = Assert.Throws<ArgumentException>(options.ThrowIfInvalid);

        Assert.Equal(
            [
                "MaxAttempts is 0; it must be from 1 (no retries) to 100.",
                "BaseDelay is -00:00:01; it must be from 00:00:00 to 1.00:00:00.",
                "MaxDelay is 2.00:00:00; it must be from 00:00:00 to 1.00:00:00.",
            ],
            options.Validate());
        Assert.StartsWith("Invalid KubernetesRetryOptions: MaxAttempts is 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_max_delay_may_not_be_shorter_than_the_base_delay()
    {
        var options = new KubernetesRetryOptions { BaseDelay = TimeSpan.FromSeconds(5), MaxDelay = TimeSpan.FromSeconds(1) };

        Assert.Equal(["MaxDelay is 00:00:01; it must not be shorter than BaseDelay (00:00:05)."], options.Validate());
        Assert.Throws<ArgumentException>(() => new JobClient(Substitute.For<k8s.IKubernetes>(), options, TimeProvider.System));
    }

    [Theory]
    [InlineData(1, 0.0, 100)]
    [InlineData(2, 0.0, 200)]
    [InlineData(4, 0.0, 800)]
    [InlineData(10, 0.0, 1000)]
    public void Watch_backoff_doubles_per_failure_up_to_the_max_delay(int failures, double random, int expectedMs)
    {
        var options = new KubernetesRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1), UseJitter = false };

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), RetryBackoff.Delay(options, failures, random));
    }

    [Fact]
    public void Watch_backoff_jitter_stays_in_the_upper_half()
    {
        var options = new KubernetesRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) };

        Assert.Equal(TimeSpan.FromMilliseconds(200), RetryBackoff.Delay(options, 3, 0.0));
        Assert.Equal(TimeSpan.FromMilliseconds(300), RetryBackoff.Delay(options, 3, 0.5));
    }
}
