using System.Threading.Channels;
using k8s;
using k8s.Autorest;

namespace Furiko.Sdk.Testing.Tests.Emulator;

/// <summary>
/// Runs a KubernetesClient watch (the real <c>WatchAsync</c> reading the streamed body line by line) in the
/// background and hands its events to the test one at a time.
/// </summary>
internal sealed class WatchRecorder<T> : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly Channel<(WatchEventType Type, T Object)> _events = Channel.CreateUnbounded<(WatchEventType, T)>();
    private readonly CancellationTokenSource _stop;
    private readonly List<Exception> _errors = [];

    private WatchRecorder(CancellationTokenSource stop) => _stop = stop;

    /// <summary>Completes when the server ends the stream (or the watch fails).</summary>
    public Task Ended { get; private set; } = Task.CompletedTask;

    public IReadOnlyList<Exception> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    public static WatchRecorder<T> Start<TList>(Func<CancellationToken, Task<HttpOperationResponse<TList>>> call)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(EmulatorEnvironment.Token);
        var recorder = new WatchRecorder<T>(stop);
        recorder.Ended = Task.Run(async () =>
        {
            try
            {
#pragma warning disable CS0618 // WatchAsync is the client's documented way to read a watch response.
                await foreach (var item in call(stop.Token).WatchAsync<T, TList>(recorder.OnError, stop.Token))
#pragma warning restore CS0618
                {
                    await recorder._events.Writer.WriteAsync(item, CancellationToken.None);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Stopped by the test.
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException)
            {
                recorder.OnError(ex);
            }
            finally
            {
                recorder._events.Writer.TryComplete();
            }
        });
        return recorder;
    }

    public static WatchRecorder<T> Start(Func<CancellationToken, IAsyncEnumerable<(WatchEventType, T)>> watch)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(EmulatorEnvironment.Token);
        var recorder = new WatchRecorder<T>(stop);
        recorder.Ended = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in watch(stop.Token))
                {
                    await recorder._events.Writer.WriteAsync(item, CancellationToken.None);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Stopped by the test.
            }
            finally
            {
                recorder._events.Writer.TryComplete();
            }
        });
        return recorder;
    }

    /// <summary>The next event; fails the test if none comes within a few seconds.</summary>
    public async Task<(WatchEventType Type, T Object)> NextAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(EmulatorEnvironment.Token);
        timeout.CancelAfter(Patience);
        return await _events.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The events still queued and every event until the stream ends; fails if it does not end.</summary>
    public async Task<List<(WatchEventType Type, T Object)>> RestUntilEndAsync()
    {
        await Ended.WaitAsync(Patience, EmulatorEnvironment.Token);
        var rest = new List<(WatchEventType, T)>();
        while (_events.Reader.TryRead(out var item))
        {
            rest.Add(item);
        }

        return rest;
    }

    /// <summary>The events already delivered (does not wait).</summary>
    public List<(WatchEventType Type, T Object)> Drain()
    {
        var items = new List<(WatchEventType, T)>();
        while (_events.Reader.TryRead(out var item))
        {
            items.Add(item);
        }

        return items;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Ended.WaitAsync(Patience, CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
            // Already stopped.
        }

        _stop.Dispose();
    }

    private void OnError(Exception ex)
    {
        lock (_errors)
        {
            _errors.Add(ex);
        }
    }
}
