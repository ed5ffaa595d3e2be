using Furiko.Samples.Controller.Queue;
using Furiko.Sdk;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Furiko.Samples.Controller.Watching;

/// <summary>
/// Wakes a Job when one of its Pods changes: lists and watches the Pods labelled <c>execution.furiko.io/job-uid</c>
/// (the label Furiko puts on every task Pod) through KubernetesClient, and queues the Job of each Pod that changed
/// (<see cref="PodOwnership"/>). Pods are not cached: the reconciler reads a Job's Pods itself. The watch resumes from
/// the last resourceVersion after a connection ends, lists again after 410 Gone, and after any other failure waits
/// with backoff and lists again. Runs until cancelled. One loop per session; not thread-safe.
/// </summary>
internal sealed partial class PodWatchLoop
{
    private const int PageSize = 500;

    private readonly IKubernetes _kubernetes;
    private readonly JobCache _cache;
    private readonly WorkQueue<JobKey> _queue;
    private readonly string? _namespace;
    private readonly ExponentialBackoff _backoff;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the loop.</summary>
    /// <param name="kubernetes">The Kubernetes client.</param>
    /// <param name="cache">The cached Jobs, to find a Pod's Job by UID.</param>
    /// <param name="queue">The queue to wake Jobs in.</param>
    /// <param name="namespaceName">The namespace to watch; <see langword="null"/> for all.</param>
    /// <param name="backoff">The waits between failed attempts.</param>
    /// <param name="time">The time source for those waits.</param>
    /// <param name="logger">The logger.</param>
    public PodWatchLoop(
        IKubernetes kubernetes, JobCache cache, WorkQueue<JobKey> queue, string? namespaceName, ExponentialBackoff backoff, TimeProvider time, ILogger logger)
    {
        _kubernetes = kubernetes;
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
                var resourceVersion = await ListAsync(cancellationToken).ConfigureAwait(false);
                failures = 0;
                await WatchUntilExpiredAsync(resourceVersion, cancellationToken).ConfigureAwait(false);
                LogExpired(_logger);
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                failures++;
                var delay = _backoff.DelayAfter(failures);
                LogWatchFailed(_logger, error, failures, delay);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Lists the Pods (every page), wakes their Jobs, and returns the list's resourceVersion.</summary>
    private async Task<string?> ListAsync(CancellationToken cancellationToken)
    {
        string? resourceVersion = null;
        string? continueToken = null;
        do
        {
            var page = _namespace is null
                ? await _kubernetes.CoreV1.ListPodForAllNamespacesAsync(
                    continueParameter: continueToken, labelSelector: FurikoLabels.JobUid, limit: PageSize, cancellationToken: cancellationToken).ConfigureAwait(false)
                : await _kubernetes.CoreV1.ListNamespacedPodAsync(
                    _namespace, continueParameter: continueToken, labelSelector: FurikoLabels.JobUid, limit: PageSize, cancellationToken: cancellationToken).ConfigureAwait(false);
            resourceVersion ??= page.Metadata?.ResourceVersion;
            foreach (var pod in page.Items ?? [])
            {
                Wake(pod);
            }

            continueToken = string.IsNullOrEmpty(page.Metadata?.ContinueProperty) ? null : page.Metadata.ContinueProperty;
        }
        while (continueToken is not null);

        return resourceVersion;
    }

    /// <summary>Watches from a resourceVersion, reconnecting as connections end, until the server says it is too old.</summary>
    /// <exception cref="Exception">Any failure other than 410 Gone; the caller lists again after a wait.</exception>
    private async Task WatchUntilExpiredAsync(string? resourceVersion, CancellationToken cancellationToken)
    {
        var quietEnds = 0;
        while (true)
        {
            Exception? reported = null;
            var events = 0;
            using (var connection = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                try
                {
                    // KubernetesClient hands an ERROR line (410 Gone, ...) to onError and reads on; stop reading there.
                    var stream = Open(resourceVersion, error =>
                    {
                        reported ??= error;
                        connection.Cancel();
                    }, connection.Token);
                    await foreach (var (type, pod) in stream.ConfigureAwait(false))
                    {
                        if (type == WatchEventType.Error)
                        {
                            return;
                        }

                        resourceVersion = pod?.Metadata?.ResourceVersion is { Length: > 0 } version ? version : resourceVersion;
                        if (type != WatchEventType.Bookmark && pod is not null)
                        {
                            events++;
                            Wake(pod);
                        }
                    }
                }
                catch (Exception) when (reported is not null && !cancellationToken.IsCancellationRequested)
                {
                    // Our own stop after a reported line; the reported error decides what comes next.
                }
                catch (Exception error) when (events == 0 && IsEmptyStream(error) && !cancellationToken.IsCancellationRequested)
                {
                    // KubernetesClient reads the first line as it connects; a stream the server closed before any line
                    // (a watch that timed out quietly) fails that read. It is an ordinary end.
                }
            }

            switch (reported)
            {
                case KubernetesException { Status: { } status } when status.Code == 410 || status.Reason is "Expired" or "Gone":
                    return;
                case not null:
                    throw reported;
            }

            // The connection ended (a server-side time limit): resume; do not hammer a server that closes at once.
            quietEnds = events > 0 ? 0 : quietEnds + 1;
            if (quietEnds > 0)
            {
                await Task.Delay(_backoff.DelayAfter(quietEnds), _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private IAsyncEnumerable<(WatchEventType, V1Pod)> Open(string? resourceVersion, Action<Exception> onError, CancellationToken cancellationToken) =>
        _namespace is null
            ? _kubernetes.CoreV1.WatchListPodForAllNamespacesAsync(
                allowWatchBookmarks: true, labelSelector: FurikoLabels.JobUid, resourceVersion: resourceVersion, onError: onError, cancellationToken: cancellationToken)
            : _kubernetes.CoreV1.WatchListNamespacedPodAsync(
                _namespace, allowWatchBookmarks: true, labelSelector: FurikoLabels.JobUid, resourceVersion: resourceVersion, onError: onError,
                cancellationToken: cancellationToken);

    private static bool IsEmptyStream(Exception error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is EndOfStreamException)
            {
                return true;
            }
        }

        return false;
    }

    private void Wake(V1Pod pod)
    {
        if (PodOwnership.JobOf(pod, _cache) is { } key)
        {
            _queue.Add(key);
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "The Pod watch failed ({Failures} in a row); listing again in {Delay}")]
    private static partial void LogWatchFailed(ILogger logger, Exception error, int failures, TimeSpan delay);

    [LoggerMessage(EventId = 21, Level = LogLevel.Debug, Message = "The Pod watch's resourceVersion expired (410 Gone); listing again")]
    private static partial void LogExpired(ILogger logger);
}
