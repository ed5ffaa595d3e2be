using System.Runtime.ExceptionServices;
using Furiko.Samples.Controller.Queue;
using Furiko.Samples.Controller.Reconciling;
using Furiko.Samples.Controller.Watching;
using Furiko.Sdk.Kubernetes;
using k8s;
using Microsoft.Extensions.Logging;

namespace Furiko.Samples.Controller.Hosting;

/// <summary>
/// The controller's work during one term of leadership: a fresh cache and queue, the Job and Pod watches feeding
/// them, and <see cref="ControllerOptions.Workers"/> workers reconciling. Nothing is carried over from an earlier
/// term: a new leader lists everything again, as it must after others may have changed it. Two ways to end:
/// <see cref="StopTaking"/> (graceful: watches stop, no new key is taken, passes in flight finish) and
/// <see cref="Abort"/> (at once: passes in flight are cancelled too). Thread-safe.
/// </summary>
internal sealed partial class ControllerSession : IDisposable
{
    private readonly CancellationTokenSource _stopWatching = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly WorkQueue<JobKey> _queue;
    private readonly JobCache _cache = new();
    private readonly ILogger _logger;
    private readonly Task _completion;

    /// <summary>Starts a session.</summary>
    /// <param name="kubernetes">The Kubernetes client (for the Pod watch).</param>
    /// <param name="jobs">The SDK's Job client (for the Job watch).</param>
    /// <param name="reconciler">The SDK's reconciler.</param>
    /// <param name="options">The controller's options.</param>
    /// <param name="time">The time source for delays and backoff.</param>
    /// <param name="loggers">Creates the loggers.</param>
    public ControllerSession(
        IKubernetes kubernetes, IJobClient jobs, IJobReconciler reconciler, ControllerOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        var backoff = new ExponentialBackoff(options.RetryBaseDelay, options.RetryMaxDelay);
        _logger = loggers.CreateLogger<ControllerSession>();
        _queue = new WorkQueue<JobKey>(time, backoff);
        var jobWatch = new JobWatchLoop(jobs, _cache, _queue, options.WatchedNamespace, backoff, time, loggers.CreateLogger<JobWatchLoop>());
        var podWatch = new PodWatchLoop(kubernetes, _cache, _queue, options.WatchedNamespace, backoff, time, loggers.CreateLogger<PodWatchLoop>());
        var tasks = new List<Task>
        {
            Task.Run(() => jobWatch.RunAsync(_stopWatching.Token)),
            Task.Run(() => podWatch.RunAsync(_stopWatching.Token)),
        };
        for (var i = 0; i < options.Workers; i++)
        {
            var worker = new ReconcileWorker(reconciler, _cache, _queue, loggers.CreateLogger<ReconcileWorker>());
            tasks.Add(Task.Run(() => worker.RunAsync(_abort.Token)));
        }

        _completion = WhenStoppedAsync(tasks);
    }

    /// <summary>
    /// Ends when every watch and worker has stopped (after <see cref="StopTaking"/> or <see cref="Abort"/>). Faults only
    /// for a bug: the loops handle API failures themselves.
    /// </summary>
    public Task Completion => _completion;

    /// <summary>The session's cache (for tests and diagnostics).</summary>
    public JobCache Cache => _cache;

    /// <summary>The session's queue (for tests and diagnostics).</summary>
    public WorkQueue<JobKey> Queue => _queue;

    /// <summary>Stops the watches and the taking of new keys; passes in flight go on to their end. Idempotent.</summary>
    public void StopTaking()
    {
        _queue.ShutDown();
        CancelQuietly(_stopWatching);
    }

    /// <summary>Stops everything at once, cancelling passes in flight (what they sent stays done; the next leader completes it). Idempotent.</summary>
    public void Abort()
    {
        StopTaking();
        CancelQuietly(_abort);
    }

    /// <summary>Aborts (if still running) and releases the session's resources once it has completed.</summary>
    public void Dispose()
    {
        Abort();
        if (_completion.IsCompleted)
        {
            _stopWatching.Dispose();
            _abort.Dispose();
        }
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already over.
        }
    }

    private async Task WhenStoppedAsync(List<Task> tasks)
    {
        var pending = new List<Task>(tasks);
        Exception? crash = null;
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending).ConfigureAwait(false);
            pending.Remove(done);
            if (done.IsFaulted && crash is null)
            {
                // A bug: the loops handle API failures themselves. Do not leave the others running half a controller.
                crash = done.Exception!.InnerException ?? done.Exception;
                LogCrashed(_logger, crash);
                Abort();
            }
        }

        if (crash is not null)
        {
            ExceptionDispatchInfo.Throw(crash);
        }
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Critical, Message = "A controller loop crashed")]
    private static partial void LogCrashed(ILogger logger, Exception error);
}
