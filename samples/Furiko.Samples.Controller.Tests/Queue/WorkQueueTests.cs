using System.Collections.Concurrent;
using System.Diagnostics;
using Furiko.Samples.Controller.Queue;
using Microsoft.Extensions.Time.Testing;

namespace Furiko.Samples.Controller.Tests.Queue;

public sealed class WorkQueueTests : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly WorkQueue<string> _queue;

    public WorkQueueTests()
    {
        _queue = new WorkQueue<string>(_time, new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)));
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _queue.Dispose();

    [Fact]
    public async Task A_key_added_twice_while_it_waits_is_handed_out_once()
    {
        _queue.Add("default/a");
        _queue.Add("default/a");
        _queue.Add("default/b");

        Assert.Equal(2, _queue.ReadyCount);
        Assert.Equal("default/a", await _queue.TakeAsync(Token));
        Assert.Equal("default/b", await _queue.TakeAsync(Token));
        Assert.Equal(0, _queue.ReadyCount);
        Assert.False(_queue.TakeAsync(Token).IsCompleted);
    }

    [Fact]
    public async Task Keys_are_handed_out_in_the_order_they_became_ready()
    {
        foreach (var key in new[] { "c", "a", "b", "a" })
        {
            _queue.Add(key);
        }

        Assert.Equal(["c", "a", "b"], [await _queue.TakeAsync(Token), await _queue.TakeAsync(Token), await _queue.TakeAsync(Token)]);
    }

    [Fact]
    public async Task A_key_being_processed_is_not_handed_out_again_until_done_and_then_once_for_all_adds_meanwhile()
    {
        _queue.Add("a");
        var key = await _queue.TakeAsync(Token);
        _queue.Add("a");
        _queue.Add("a");
        _queue.Add("b");

        // Only b may go to another worker while a is processed.
        Assert.Equal("b", await _queue.TakeAsync(Token));
        var next = _queue.TakeAsync(Token);
        Assert.False(next.IsCompleted);

        _queue.Done(key!);
        Assert.Equal("a", await next.WaitAsync(TimeSpan.FromSeconds(5), Token));
        _queue.Done("a");
        Assert.Equal(0, _queue.ReadyCount);
        Assert.Equal(1, _queue.ProcessingCount); // b
    }

    [Fact]
    public async Task A_key_not_added_again_while_processed_is_not_queued_again_when_done()
    {
        _queue.Add("a");
        _queue.Done((await _queue.TakeAsync(Token))!);

        Assert.Equal(0, _queue.ReadyCount);
        Assert.Equal(0, _queue.ProcessingCount);
    }

    [Fact]
    public async Task A_waiting_taker_gets_the_next_key_added()
    {
        var first = _queue.TakeAsync(Token);
        var second = _queue.TakeAsync(Token);

        _queue.Add("a");
        _queue.Add("b");

        Assert.Equal("a", await first.WaitAsync(TimeSpan.FromSeconds(5), Token));
        Assert.Equal("b", await second.WaitAsync(TimeSpan.FromSeconds(5), Token));
    }

    [Fact]
    public async Task A_cancelled_taker_throws_and_takes_no_key_from_the_others()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var abandoned = _queue.TakeAsync(cancel.Token);
        var waiting = _queue.TakeAsync(Token);

        await cancel.CancelAsync();
        _queue.Add("a");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Equal("a", await waiting.WaitAsync(TimeSpan.FromSeconds(5), Token));
    }

    [Fact]
    public async Task A_delayed_key_becomes_ready_exactly_when_its_delay_has_passed()
    {
        _queue.AddAfter("a", TimeSpan.FromSeconds(90));
        var take = _queue.TakeAsync(Token);

        _time.Advance(TimeSpan.FromSeconds(90) - Tick);
        Assert.False(take.IsCompleted);
        Assert.Equal(1, _queue.DelayedCount);

        _time.Advance(Tick);
        Assert.Equal("a", await take.WaitAsync(TimeSpan.FromSeconds(5), Token));
        Assert.Equal(0, _queue.DelayedCount);
    }

    [Fact]
    public async Task Of_two_delays_for_one_key_the_earlier_wins_and_the_key_comes_once()
    {
        _queue.AddAfter("a", TimeSpan.FromSeconds(10));
        _queue.AddAfter("a", TimeSpan.FromSeconds(5));
        _queue.AddAfter("a", TimeSpan.FromSeconds(20));

        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("a", await _queue.TakeAsync(Token));
        _queue.Done("a");

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, _queue.ReadyCount);
        Assert.Equal(0, _queue.DelayedCount);
    }

    [Fact]
    public async Task Delayed_keys_come_in_the_order_of_their_due_times()
    {
        _queue.AddAfter("late", TimeSpan.FromSeconds(30));
        _queue.AddAfter("early", TimeSpan.FromSeconds(10));
        _queue.AddAfter("middle", TimeSpan.FromSeconds(20));

        _time.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal("early", await _queue.TakeAsync(Token));
        Assert.Equal(0, _queue.ReadyCount);

        _time.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal("middle", await _queue.TakeAsync(Token));
        Assert.Equal("late", await _queue.TakeAsync(Token));
    }

    [Fact]
    public async Task A_delay_longer_than_a_system_timer_allows_is_waited_out_in_steps()
    {
        using var queue = new WorkQueue<string>(TimeProvider.System, new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        queue.AddAfter("next-year", TimeSpan.FromDays(400)); // a system timer throws beyond ~49 days
        Assert.Equal(1, queue.DelayedCount);

        _queue.AddAfter("next-year", TimeSpan.FromDays(400));
        _time.Advance(TimeSpan.FromDays(399));
        Assert.Equal(0, _queue.ReadyCount);
        _time.Advance(TimeSpan.FromDays(1));
        Assert.Equal("next-year", await _queue.TakeAsync(Token));
    }

    [Fact]
    public async Task A_zero_or_negative_delay_adds_at_once()
    {
        _queue.AddAfter("a", TimeSpan.Zero);
        _queue.AddAfter("b", TimeSpan.FromSeconds(-3));

        Assert.Equal("a", await _queue.TakeAsync(Token));
        Assert.Equal("b", await _queue.TakeAsync(Token));
    }

    [Fact]
    public async Task A_delayed_key_that_comes_due_while_it_is_processed_is_handed_out_again_after_done()
    {
        _queue.Add("a");
        await _queue.TakeAsync(Token);
        _queue.AddAfter("a", TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));
        var next = _queue.TakeAsync(Token);
        Assert.False(next.IsCompleted);

        _queue.Done("a");

        Assert.Equal("a", await next.WaitAsync(TimeSpan.FromSeconds(5), Token));
    }

    [Fact]
    public async Task Retries_of_a_failing_key_wait_twice_as_long_each_time_up_to_the_cap_until_forgotten()
    {
        var delays = new List<TimeSpan>();
        for (var failure = 1; failure <= 7; failure++)
        {
            var delay = _queue.AddRateLimited("a");
            delays.Add(delay);
            _time.Advance(delay - Tick);
            Assert.Equal(0, _queue.ReadyCount);
            _time.Advance(Tick);
            Assert.Equal("a", await _queue.TakeAsync(Token));
            _queue.Done("a");
        }

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], delays.Select(d => d.TotalSeconds).ToArray());
        Assert.Equal(7, _queue.FailuresOf("a"));

        _queue.Forget("a");
        Assert.Equal(0, _queue.FailuresOf("a"));
        Assert.Equal(TimeSpan.FromSeconds(1), _queue.AddRateLimited("a"));
    }

    [Fact]
    public void Failures_are_counted_per_key()
    {
        _queue.AddRateLimited("a");
        _queue.AddRateLimited("a");

        Assert.Equal(TimeSpan.FromSeconds(1), _queue.AddRateLimited("b"));
        Assert.Equal(TimeSpan.FromSeconds(4), _queue.AddRateLimited("a"));
    }

    [Fact]
    public async Task Shutting_down_releases_waiting_takers_and_hands_out_nothing_more()
    {
        var waiting = _queue.TakeAsync(Token);
        _queue.AddAfter("delayed", TimeSpan.FromSeconds(1));

        _queue.ShutDown();

        Assert.Null(await waiting.WaitAsync(TimeSpan.FromSeconds(5), Token));
        _queue.Add("a");
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Null(await _queue.TakeAsync(Token));
        Assert.Equal(0, _queue.ReadyCount);
        Assert.Equal(0, _queue.DelayedCount);
        Assert.True(_queue.IsShutDown);
    }

    [Fact]
    public async Task Keys_ready_at_shutdown_are_dropped_and_a_key_in_flight_can_still_be_marked_done()
    {
        _queue.Add("in-flight");
        _queue.Add("ready");
        var key = await _queue.TakeAsync(Token);
        _queue.Add("in-flight");

        _queue.ShutDown();
        _queue.Done(key!);

        Assert.Null(await _queue.TakeAsync(Token));
        Assert.Equal(0, _queue.ProcessingCount);
        Assert.Equal(0, _queue.ReadyCount);
    }

    [Fact]
    public async Task Under_concurrent_workers_no_key_is_processed_twice_at_once_and_every_last_add_is_processed()
    {
        using var queue = new WorkQueue<string>(TimeProvider.System, new ExponentialBackoff(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1)));
        var keys = Enumerable.Range(0, 20).Select(i => $"ns/job-{i}").ToArray();
        var inFlight = new ConcurrentDictionary<string, int>();
        var overlaps = 0;
        var lastAdd = new ConcurrentDictionary<string, long>();
        var lastStart = new ConcurrentDictionary<string, long>();
        long sequence = 0;

        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (await queue.TakeAsync(Token) is { } key)
            {
                if (inFlight.AddOrUpdate(key, 1, (_, n) => n + 1) > 1)
                {
                    Interlocked.Increment(ref overlaps);
                }

                lastStart[key] = Interlocked.Increment(ref sequence);
                await Task.Yield();
                inFlight.AddOrUpdate(key, 0, (_, n) => n - 1);
                queue.Done(key);
            }
        })).ToArray();

        var producers = Enumerable.Range(0, 4).Select(p => Task.Run(() =>
        {
            var random = new Random(p);
            for (var i = 0; i < 2000; i++)
            {
                var key = keys[random.Next(keys.Length)];
                lastAdd[key] = Interlocked.Increment(ref sequence);
                queue.Add(key);
            }
        })).ToArray();
        await Task.WhenAll(producers);

        // Every key's last add is followed by a processing that started after it.
        var waited = Stopwatch.StartNew();
        while (keys.Any(k => lastStart.GetValueOrDefault(k) < lastAdd.GetValueOrDefault(k)) && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(5, Token);
        }

        queue.ShutDown();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(10), Token);
        Assert.Equal(0, overlaps);
        Assert.All(keys, k => Assert.True(lastStart[k] > lastAdd[k], $"{k}: last add {lastAdd[k]} was never processed (last start {lastStart[k]})."));
    }
}
