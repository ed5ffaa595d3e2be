namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// The wait before a retry: <see cref="KubernetesRetryOptions.BaseDelay"/> doubled per failed attempt, at most
/// <see cref="KubernetesRetryOptions.MaxDelay"/>, and with jitter a random point in the upper half of that.
/// Used by watches (ordinary calls use Polly's equivalent). Thread-safe.
/// </summary>
internal static class RetryBackoff
{
    /// <summary>The wait after a number of consecutive failures.</summary>
    /// <param name="options">The retry settings.</param>
    /// <param name="failures">Consecutive failures so far, 1 or more.</param>
    /// <param name="random">A number in [0, 1) for the jitter.</param>
    /// <returns>The wait.</returns>
    public static TimeSpan Delay(KubernetesRetryOptions options, int failures, double random)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var ticks = Math.Min(options.BaseDelay.Ticks * Math.Pow(2, exponent), options.MaxDelay.Ticks);
        if (options.UseJitter)
        {
            ticks *= 0.5 + (0.5 * random);
        }

        return TimeSpan.FromTicks((long)ticks);
    }
}
