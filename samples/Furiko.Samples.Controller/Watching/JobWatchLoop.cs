using Furiko.Samples.Controller.Queue;
using Furiko.Sdk.Kubernetes;
using k8s;
using Microsoft.Extensions.Logging;

namespace Furiko.Samples.Controller.Watching;

/// <summary>
/// Feeds the cache and the queue from the SDK's Job watch (<see cref="IFurikoResourceClient{TObject, TList}.WatchAsync"/>):
/// every added or modified Job is cached and queued; a deleted one is forgotten and queued, so that its worker sees
/// it gone. The SDK's watch lists first, resumes after dropped connections and re-lists after 410 Gone by itself;
/// when it gives up (the server refused it, or failed too often in a row), this loop waits with backoff and starts a
/// new watch, queueing every cached Job again so that none deleted meanwhile stays unnoticed. Runs until cancelled.
/// One loop per session; not thread-safe.
/// </summary>
internal sealed partial class JobWatchLoop
{
    private readonly IJobClient _jobs;
    private readonly JobCache _cache;
    private readonly WorkQueue<JobKey> _queue;
    private readonly string? _namespace;
    private readonly ExponentialBackoff _backoff;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the loop.</summary>
    /// <param name="jobs">The SDK's Job client.</param>
    /// <param name="cache">The cache to keep.</param>
    /// <param name="queue">The queue to feed.</param>
    /// <param name="namespaceName">The namespace to watch; <see langword="null"/> for all.</param>
    /// <param name="backoff">The waits between failed watches.</param>
    /// <param name="time">The time source for those waits.</param>
    /// <param name="logger">The logger.</param>
    public JobWatchLoop(
        IJobClient jobs, JobCache cache, WorkQueue<JobKey> queue, string? namespaceName, ExponentialBackoff backoff, TimeProvider time, ILogger logger)
    {
        _jobs = jobs;
        _cache = cache;
        _queue = queue;
        _namespace = namespaceName;
        _backoff = backoff;
        _time = time;
        _logger = logger;
    }

    /// <summary>Watches until cancelled.</summary>
    /// <param name="cancellationToken">Stops the watch.</param>
    /// <returns>A task that ends when the watch is stopped.</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WatchAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped: whatever a connection throws on the way out (cancelled, disposed, cut short) is no failure.
        }
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await foreach (var change in _jobs.WatchAsync(_namespace, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    failures = 0;
                    var key = change.Type == WatchEventType.Deleted ? _cache.Remove(change.Object) : _cache.Put(change.Object);
                    _queue.Add(key);
                }
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                failures++;
                var delay = _backoff.DelayAfter(failures);
                LogWatchFailed(_logger, error, failures, delay);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                RequeueCached();
            }
        }
    }

    private void RequeueCached()
    {
        // A Job deleted while no watch ran is never reported; its worker finds it gone and drops it.
        foreach (var key in _cache.Keys)
        {
            _queue.Add(key);
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "The Job watch failed ({Failures} in a row); watching again in {Delay}")]
    private static partial void LogWatchFailed(ILogger logger, Exception error, int failures, TimeSpan delay);
}
