using System.Text.Json.Nodes;
using System.Threading.Channels;
using k8s;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>
/// One open watch: its filter, and the queue of event lines waiting to be streamed to the client. Events are
/// queued under the server's lock in commit order and read by the transport at its own pace. Thread-safe.
/// </summary>
internal sealed class WatchSubscription : IDisposable
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Action<WatchSubscription> _onDispose;
    private int _disposed;
    private ITimer? _timeout;

    public WatchSubscription(EmulatedResource resource, string? @namespace, LabelSelector labels, FieldSelector fields, Action<WatchSubscription> onDispose)
    {
        Resource = resource;
        Namespace = @namespace;
        Labels = labels;
        Fields = fields;
        _onDispose = onDispose;
    }

    public EmulatedResource Resource { get; }

    public string? Namespace { get; }

    public LabelSelector Labels { get; }

    public FieldSelector Fields { get; }

    /// <summary>The event lines (without the trailing newline); completes when the watch ends.</summary>
    public ChannelReader<string> Lines => _lines.Reader;

    public bool Matches(JsonObject obj) =>
        (Namespace is null || JsonFields.Namespace(obj) == Namespace)
        && Labels.Matches(JsonFields.Labels(obj))
        && Fields.Matches(obj);

    /// <summary>
    /// Queues the event as this watch sees it: a modification that brings an object into the filter is ADDED,
    /// one that takes it out is DELETED, as the API server's watch cache reports them.
    /// </summary>
    public void Offer(WatchEventRecord change)
    {
        if (!ReferenceEquals(change.Resource, Resource))
        {
            return;
        }

        var matchesNow = Matches(change.Object);
        WatchEventType? type = change.Type switch
        {
            WatchEventType.Modified => (change.Previous is not null && Matches(change.Previous), matchesNow) switch
            {
                (true, true) => WatchEventType.Modified,
                (false, true) => WatchEventType.Added,
                (true, false) => WatchEventType.Deleted,
                _ => null,
            },
            _ => matchesNow ? change.Type : null,
        };
        if (type is { } t)
        {
            Send(WatchLine.Format(t, change.ObjectJson));
        }
    }

    public void Send(string line) => _lines.Writer.TryWrite(line);

    /// <summary>Ends the stream after the lines already queued.</summary>
    public void Close() => _lines.Writer.TryComplete();

    /// <summary>Ends the watch after a wall-clock duration, as the server honours <c>timeoutSeconds</c>.</summary>
    public void EndAfter(TimeSpan timeout, TimeProvider time) =>
        _timeout = time.CreateTimer(static state => ((WatchSubscription)state!).Dispose(), this, timeout, Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _timeout?.Dispose();
            Close();
            _onDispose(this);
        }
    }
}
