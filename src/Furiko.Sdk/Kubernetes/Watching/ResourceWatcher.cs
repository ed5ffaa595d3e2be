using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Furiko.Sdk.Serialization;
using k8s;
using k8s.Models;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// Runs one watch for <see cref="IFurikoResourceClient{TObject, TList}.WatchAsync"/>: the optional first list,
/// connections resumed from the last resourceVersion seen, the re-list after 410 Gone, and the bounded backoff
/// between failed connections. Not thread-safe: one enumeration owns it.
/// </summary>
/// <typeparam name="TObject">The object type.</typeparam>
internal sealed class ResourceWatcher<TObject>
    where TObject : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ApiCall _call;
    private readonly KubernetesRetryOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Func<CancellationToken, Task<(IList<TObject> Items, string? ResourceVersion)>> _list;
    private readonly WatchStreamOpener _open;

    /// <summary>Creates a watcher.</summary>
    /// <param name="call">The watch call, for exceptions.</param>
    /// <param name="options">Bounds and waits between failed connections.</param>
    /// <param name="timeProvider">The time source for the waits.</param>
    /// <param name="list">Lists every matching object (with the SDK's retries) and gives the list's resourceVersion.</param>
    /// <param name="open">Opens a watch connection.</param>
    public ResourceWatcher(
        ApiCall call,
        KubernetesRetryOptions options,
        TimeProvider timeProvider,
        Func<CancellationToken, Task<(IList<TObject> Items, string? ResourceVersion)>> list,
        WatchStreamOpener open)
    {
        _call = call;
        _options = options;
        _timeProvider = timeProvider;
        _list = list;
        _open = open;
    }

    /// <summary>Watches until cancelled; see the interface for exactly what is yielded.</summary>
    /// <param name="startVersion">The caller's resourceVersion, or <see langword="null"/> to list first.</param>
    /// <param name="cancellationToken">Stops the watch.</param>
    /// <returns>The events.</returns>
    public async IAsyncEnumerable<WatchEvent<TObject>> RunAsync(string? startVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var known = new WatchedObjects<TObject>();
        var resourceVersion = startVersion;
        if (resourceVersion is null)
        {
            var (items, listVersion) = await _list(cancellationToken).ConfigureAwait(false);
            foreach (var added in known.Relist(items))
            {
                yield return added;
            }

            resourceVersion = listVersion;
        }

        var failures = 0;
        var quietEnds = 0;
        var expiredInARow = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var progressed = false;
            WatchStep outcome;
            var connection = new WatchConnection(_open, resourceVersion, cancellationToken);
            try
            {
                while (true)
                {
                    var step = await connection.NextAsync().ConfigureAwait(false);
                    if (step.Kind != WatchStepKind.Event)
                    {
                        outcome = step;
                        break;
                    }

                    if (step.Type == WatchEventType.Error)
                    {
                        // KubernetesClient reports an ERROR event whose object is a Status through its callback;
                        // one whose object does not say kind Status arrives here.
                        outcome = WatchStep.ErrorStatus(ReadStatus(step.Json!));
                        break;
                    }

                    progressed = true;
                    failures = 0;
                    expiredInARow = 0;
                    if (step.Type == WatchEventType.Bookmark)
                    {
                        resourceVersion = ReadResourceVersion(step.Json!) ?? resourceVersion;
                        continue;
                    }

                    var value = FurikoJson.Deserialize<TObject>(step.Json!);
                    resourceVersion = value.Metadata?.ResourceVersion is { Length: > 0 } version ? version : resourceVersion;
                    if (known.Apply(step.Type, value) is { } change)
                    {
                        yield return change;
                    }
                }
            }
            finally
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            quietEnds = progressed ? 0 : quietEnds;
            switch (Classify(outcome, cancellationToken))
            {
                case Next.Reconnect when progressed:
                    break;
                case Next.Reconnect:
                    // A connection that ended without a single event: do not hammer a server that keeps closing at once.
                    quietEnds++;
                    await WaitAsync(quietEnds, cancellationToken).ConfigureAwait(false);
                    break;
                case Next.Retry:
                    failures++;
                    if (failures >= _options.MaxAttempts)
                    {
                        throw GiveUp(outcome, failures, cancellationToken);
                    }

                    await WaitAsync(failures, cancellationToken).ConfigureAwait(false);
                    break;
                case Next.Relist:
                    expiredInARow++;
                    if (expiredInARow > 1)
                    {
                        await WaitAsync(expiredInARow - 1, cancellationToken).ConfigureAwait(false);
                    }

                    var (items, listVersion) = await _list(cancellationToken).ConfigureAwait(false);
                    foreach (var change in known.Relist(items))
                    {
                        yield return change;
                    }

                    resourceVersion = listVersion;
                    break;
                default:
                    throw GiveUp(outcome, 1, cancellationToken);
            }
        }
    }

    private static Next Classify(WatchStep outcome, CancellationToken cancellationToken)
    {
        switch (outcome.Kind)
        {
            case WatchStepKind.End:
                return Next.Reconnect;
            case WatchStepKind.ErrorStatus:
                var code = outcome.Status!.Code ?? 0;
                if (code == (int)HttpStatusCode.Gone || outcome.Status.Reason is "Expired" or "Gone")
                {
                    return Next.Relist;
                }

                return TransientFailures.IsTransientStatus(code) ? Next.Retry : Next.Fail;
            default:
                var error = outcome.Error!;
                if (error is k8s.Autorest.HttpOperationException { Response.StatusCode: HttpStatusCode.Gone })
                {
                    return Next.Relist;
                }

                return TransientFailures.IsTransient(error, cancellationToken) || TransientFailures.IsMalformedAnswer(error) ? Next.Retry : Next.Fail;
        }
    }

    private static V1Status ReadStatus(string json)
    {
        try
        {
            return KubernetesJson.Deserialize<V1Status>(json) ?? new V1Status { Message = json };
        }
        catch (JsonException)
        {
            return new V1Status { Message = json };
        }
    }

    private static string? ReadResourceVersion(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty("metadata", out var metadata)
                && metadata.ValueKind == JsonValueKind.Object
                && metadata.TryGetProperty("resourceVersion", out var version)
                && version.ValueKind == JsonValueKind.String
                ? version.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private Exception GiveUp(WatchStep outcome, int attempts, CancellationToken cancellationToken)
    {
        if (outcome.Kind == WatchStepKind.ErrorStatus)
        {
            var status = outcome.Status!;
            var code = (HttpStatusCode)(status.Code ?? (int)HttpStatusCode.InternalServerError);
            return ApiErrorTranslator.FromStatus(_call, code, status.Reason, status.Message, attempts, false, new KubernetesException(status));
        }

        var error = outcome.Error!;
        if (error is k8s.Exceptions.KubernetesClientException)
        {
            // KubernetesClient reads a watch only from a response its own k8s.Kubernetes produced.
            return new InvalidOperationException(
                $"{_call.Verb} {_call.ToFailure(null, null, null).Target}: KubernetesClient could not read the watch stream ({error.Message}). "
                + "Watches need the IKubernetes to be a k8s.Kubernetes (any HTTP handler may sit behind it).",
                error);
        }

        var translated = ApiErrorTranslator.Translate(_call, error, attempts, false, cancellationToken);
        if (translated is null)
        {
            ExceptionDispatchInfo.Capture(error).Throw();
        }

        return translated;
    }

    private Task WaitAsync(int failures, CancellationToken cancellationToken)
    {
        var delay = RetryBackoff.Delay(_options, failures, Random.Shared.NextDouble());
        return delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, _timeProvider, cancellationToken);
    }

    private enum Next
    {
        Reconnect,
        Retry,
        Relist,
        Fail,
    }
}
