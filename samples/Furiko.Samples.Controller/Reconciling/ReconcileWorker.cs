using Furiko.Samples.Controller.Queue;
using Furiko.Samples.Controller.Watching;
using Furiko.Sdk.Kubernetes;
using Microsoft.Extensions.Logging;

namespace Furiko.Samples.Controller.Reconciling;

/// <summary>
/// One worker: takes a Job's key from the queue, reconciles the cached Job with the SDK's
/// <see cref="IJobReconciler"/>, and decides when the Job is looked at again:
/// <list type="bullet">
/// <item>the pass asked for a later look (<see cref="JobReconcileResult.RequeueAfter"/>: a kill time, a pending
/// timeout, a force-deletion deadline): the key is added after that delay;</item>
/// <item>the pass left work undone (<see cref="JobReconcileResult.NeedsRetry"/>) or threw: the key is retried with the
/// queue's exponential backoff;</item>
/// <item>otherwise its failures are forgotten; only a change of the Job or its Pods wakes it again;</item>
/// <item>the Job is gone (not cached, or <see cref="JobReconcileResult.JobGone"/>): it is forgotten.</item>
/// </list>
/// Several workers share one queue; the queue never hands the same key to two at once. Thread-safe.
/// </summary>
internal sealed partial class ReconcileWorker
{
    private readonly IJobReconciler _reconciler;
    private readonly JobCache _cache;
    private readonly WorkQueue<JobKey> _queue;
    private readonly ILogger _logger;

    /// <summary>Creates a worker.</summary>
    /// <param name="reconciler">The SDK's reconciler.</param>
    /// <param name="cache">The cached Jobs.</param>
    /// <param name="queue">The queue to take keys from and requeue them in.</param>
    /// <param name="logger">The logger.</param>
    public ReconcileWorker(IJobReconciler reconciler, JobCache cache, WorkQueue<JobKey> queue, ILogger logger)
    {
        _reconciler = reconciler;
        _cache = cache;
        _queue = queue;
        _logger = logger;
    }

    /// <summary>Processes keys until the queue is shut down (the pass in flight is finished first) or <paramref name="abort"/> fires.</summary>
    /// <param name="abort">Cancels the wait for a key and the pass in flight.</param>
    /// <returns>A task that ends when the worker stops.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="abort"/> fired.</exception>
    public async Task RunAsync(CancellationToken abort)
    {
        while (await _queue.TakeAsync(abort).ConfigureAwait(false) is { } key)
        {
            try
            {
                await ProcessAsync(key, abort).ConfigureAwait(false);
            }
            finally
            {
                _queue.Done(key);
            }
        }
    }

    /// <summary>Reconciles one Job and requeues it as its result says.</summary>
    /// <param name="key">The Job's key, taken from the queue.</param>
    /// <param name="abort">Cancels the pass.</param>
    /// <returns>A task that ends when the pass and its requeue are done.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="abort"/> fired.</exception>
    public async Task ProcessAsync(JobKey key, CancellationToken abort)
    {
        if (!_cache.TryGet(key, out var job))
        {
            // Deleted (the watch said so): nothing left to do for it.
            _queue.Forget(key);
            return;
        }

        try
        {
            var result = await _reconciler.ReconcileAsync(job, abort).ConfigureAwait(false);
            if (result.JobGone)
            {
                _cache.Remove(job);
                _queue.Forget(key);
                return;
            }

            if (result.NeedsRetry)
            {
                var delay = _queue.AddRateLimited(key);
                LogRetry(_logger, key, delay, result);
            }
            else
            {
                _queue.Forget(key);
            }

            if (result.RequeueAfter is { } after)
            {
                _queue.AddAfter(key, after.ToTimeSpan());
            }
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception error)
        {
            // FurikoApiException after the SDK's own retries, or anything unexpected: the next pass completes what
            // this one started (the reconciler's passes are safe to cut short), after a growing wait.
            var delay = _queue.AddRateLimited(key);
            LogFailed(_logger, error, key, delay);
        }
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Job {Job}: work left undone, retrying in {Delay}: {Result}")]
    private static partial void LogRetry(ILogger logger, JobKey job, TimeSpan delay, JobReconcileResult result);

    [LoggerMessage(EventId = 31, Level = LogLevel.Warning, Message = "Job {Job}: reconcile failed, retrying in {Delay}")]
    private static partial void LogFailed(ILogger logger, Exception error, JobKey job, TimeSpan delay);
}
