using k8s;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// One watch connection opened through KubernetesClient's watch enumeration, read step by step. KubernetesClient
/// hands a line it cannot yield (an ERROR <c>Status</c>, or a line that is not JSON) to a callback and reads on;
/// this connection stops reading at that point and reports it as a step instead. Not thread-safe.
/// </summary>
internal sealed class WatchConnection : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly CancellationToken _callerToken;
    private readonly WatchStreamOpener _open;
    private readonly string? _resourceVersion;
    private IAsyncEnumerator<(WatchEventType Type, object Object)>? _events;
    private Exception? _reported;

    /// <summary>Prepares a connection; it opens on the first <see cref="NextAsync"/>.</summary>
    /// <param name="open">Starts KubernetesClient's watch enumeration.</param>
    /// <param name="resourceVersion">Where to start; <see langword="null"/> for now.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public WatchConnection(WatchStreamOpener open, string? resourceVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(open);
        _callerToken = cancellationToken;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _open = open;
        _resourceVersion = resourceVersion;
    }

    /// <summary>Reads the next step.</summary>
    /// <returns>The step.</returns>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public async ValueTask<WatchStep> NextAsync()
    {
        try
        {
            _events ??= _open(_resourceVersion, OnError, _stop.Token).GetAsyncEnumerator(_stop.Token);
            if (await _events.MoveNextAsync().ConfigureAwait(false))
            {
                var (type, value) = _events.Current;
                return WatchStep.Event(type, ResponseBodies.RawJson(value));
            }
        }
        catch (OperationCanceledException) when (_reported is not null && !_callerToken.IsCancellationRequested)
        {
            // Our own stop after a reported line: fall through to report it.
        }
        catch (Exception ex) when (IsEmptyStream(ex) && !_callerToken.IsCancellationRequested)
        {
            // KubernetesClient peeks the first line when it connects; a stream closed before any line fails that peek.
            return WatchStep.End;
        }
        catch (Exception ex) when (!_callerToken.IsCancellationRequested)
        {
            return WatchStep.Failed(ex);
        }

        return _reported switch
        {
            null => WatchStep.End,
            KubernetesException { Status: { } status } => WatchStep.ErrorStatus(status),
            var other => WatchStep.Failed(other),
        };
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            if (_events is not null)
            {
                await _events.DisposeAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException or ObjectDisposedException)
        {
            // Closing a connection we are done with; what it says on the way out does not matter.
        }
        finally
        {
            _stop.Dispose();
        }
    }

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

    private void OnError(Exception error)
    {
        _reported ??= error;
        _stop.Cancel();
    }
}

/// <summary>Starts KubernetesClient's watch enumeration from a resourceVersion.</summary>
/// <param name="resourceVersion">Where to start; <see langword="null"/> for now.</param>
/// <param name="onError">Receives lines KubernetesClient cannot yield (ERROR statuses, malformed lines).</param>
/// <param name="cancellationToken">Stops the connection.</param>
/// <returns>The events as KubernetesClient yields them.</returns>
internal delegate IAsyncEnumerable<(WatchEventType Type, object Object)> WatchStreamOpener(
    string? resourceVersion, Action<Exception> onError, CancellationToken cancellationToken);
