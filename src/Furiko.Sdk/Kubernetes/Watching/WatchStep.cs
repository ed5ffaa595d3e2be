using k8s;
using k8s.Models;

namespace Furiko.Sdk.Kubernetes;

/// <summary>What reading a watch connection gave: an event, the end of the stream, an ERROR status, or a failure.</summary>
internal readonly record struct WatchStep
{
    /// <summary>What kind of step this is.</summary>
    public WatchStepKind Kind { get; private init; }

    /// <summary>For an event: its type.</summary>
    public WatchEventType Type { get; private init; }

    /// <summary>For an event: the object's raw JSON.</summary>
    public string? Json { get; private init; }

    /// <summary>For an ERROR status: the server's status.</summary>
    public V1Status? Status { get; private init; }

    /// <summary>For a failure: what was thrown.</summary>
    public Exception? Error { get; private init; }

    /// <summary>The stream ended.</summary>
    public static WatchStep End => new() { Kind = WatchStepKind.End };

    /// <summary>An event.</summary>
    /// <param name="type">The event type.</param>
    /// <param name="json">The object's JSON.</param>
    /// <returns>The step.</returns>
    public static WatchStep Event(WatchEventType type, string json) => new() { Kind = WatchStepKind.Event, Type = type, Json = json };

    /// <summary>An ERROR event with a status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The step.</returns>
    public static WatchStep ErrorStatus(V1Status status) => new() { Kind = WatchStepKind.ErrorStatus, Status = status };

    /// <summary>A failure to connect or to read.</summary>
    /// <param name="error">What was thrown.</param>
    /// <returns>The step.</returns>
    public static WatchStep Failed(Exception error) => new() { Kind = WatchStepKind.Failed, Error = error };
}

/// <summary>The kinds of <see cref="WatchStep"/>.</summary>
internal enum WatchStepKind
{
    /// <summary>An event to handle.</summary>
    Event,

    /// <summary>The server closed the stream.</summary>
    End,

    /// <summary>The server sent an ERROR event with a status (for example 410 Gone) and closed the stream.</summary>
    ErrorStatus,

    /// <summary>Connecting or reading failed.</summary>
    Failed,
}
