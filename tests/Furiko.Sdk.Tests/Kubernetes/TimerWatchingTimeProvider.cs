using Microsoft.Extensions.Time.Testing;

namespace Furiko.Sdk.Tests.Kubernetes;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that lets a test wait until code under test has started a timer (Polly's or a
/// watch's wait), so that advancing the clock is never lost by running ahead of it.
/// </summary>
internal sealed class TimerWatchingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start), IDisposable
{
    private readonly SemaphoreSlim _timers = new(0);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Release();
        return timer;
    }

    public void Dispose() => _timers.Dispose();

    /// <summary>Waits (bounded) until one more timer was created.</summary>
    public Task WaitForTimerAsync() => _timers.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(
        t => Assert.True(t.Result, "No wait was started within 10 s."),
        CancellationToken.None,
        TaskContinuationOptions.ExecuteSynchronously,
        TaskScheduler.Default);
}
