using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Models;

/// <summary>
/// The state of one task of a Job (<c>status.tasks[].status.state</c>).
/// An open set: a value the SDK does not know is kept and written back unchanged. Compared ordinally.
/// </summary>
/// <param name="Value">The raw value as it appears in JSON.</param>
[JsonConverter(typeof(OpenStringJsonConverter<TaskState>))]
public readonly record struct TaskState(string Value) : IOpenString<TaskState>
{
    /// <summary>The task has not started running yet.</summary>
    public static readonly TaskState Starting = new("Starting");

    /// <summary>The task is running.</summary>
    public static readonly TaskState Running = new("Running");

    /// <summary>The task is being deleted but has not terminated yet.</summary>
    public static readonly TaskState Killing = new("Killing");

    /// <summary>The task has terminated.</summary>
    public static readonly TaskState Terminated = new("Terminated");

    /// <summary>The task was deleted and its final state is not known.</summary>
    public static readonly TaskState DeletedFinalStateUnknown = new("DeletedFinalStateUnknown");

    /// <summary>The values Furiko defines, in its order.</summary>
    public static IReadOnlyList<TaskState> Known { get; } = [Starting, Running, Killing, Terminated, DeletedFinalStateUnknown];

    /// <summary>Whether this is one of the values in <see cref="Known"/>.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <summary>Whether the task will not run any more: Terminated or DeletedFinalStateUnknown.</summary>
    public bool IsFinished => this == Terminated || this == DeletedFinalStateUnknown;

    /// <inheritdoc />
    public static TaskState FromString(string value) => new(value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>Wraps a raw value.</summary>
    /// <param name="value">The raw value.</param>
    public static implicit operator TaskState(string value) => FromString(value);

    /// <summary>The raw value.</summary>
    /// <returns>The raw value; empty for the default instance.</returns>
    public override string ToString() => Value ?? string.Empty;
}
