namespace Furiko.Samples.Controller.Queue;

/// <summary>
/// How long to wait before retrying a key that failed <c>n</c> times in a row: <see cref="BaseDelay"/> doubled for
/// each failure after the first, never more than <see cref="MaxDelay"/>. No jitter: a controller's retries of
/// different Jobs are spread by their failures, and tests see exact delays. Immutable; thread-safe.
/// </summary>
internal sealed class ExponentialBackoff
{
    /// <summary>Creates a backoff.</summary>
    /// <param name="baseDelay">The wait after the first failure; more than zero.</param>
    /// <param name="maxDelay">The longest wait; at least <paramref name="baseDelay"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A delay is out of range.</exception>
    public ExponentialBackoff(TimeSpan baseDelay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(baseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, baseDelay);
        BaseDelay = baseDelay;
        MaxDelay = maxDelay;
    }

    /// <summary>The wait after the first failure.</summary>
    public TimeSpan BaseDelay { get; }

    /// <summary>The longest wait.</summary>
    public TimeSpan MaxDelay { get; }

    /// <summary>The wait after <paramref name="failures"/> failures in a row.</summary>
    /// <param name="failures">How many times in a row the key failed, counting the one just now; at least 1.</param>
    /// <returns>The wait: <c>min(BaseDelay * 2^(failures - 1), MaxDelay)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="failures"/> is less than 1.</exception>
    public TimeSpan DelayAfter(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);

        // Doubling in ticks overflows after ~60 steps; stop as soon as the cap is reached.
        var delay = BaseDelay;
        for (var i = 1; i < failures && delay < MaxDelay; i++)
        {
            delay = delay.Ticks > MaxDelay.Ticks / 2 ? MaxDelay : delay * 2;
        }

        return delay < MaxDelay ? delay : MaxDelay;
    }
}
