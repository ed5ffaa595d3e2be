using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Models;

/// <summary>
/// The state of one parallel index of a Job (<c>status.parallelStatus.indexes[].state</c>).
/// An open set: a value the SDK does not know is kept and written back unchanged. Compared ordinally.
/// </summary>
/// <param name="Value">The raw value as it appears in JSON.</param>
[JsonConverter(typeof(OpenStringJsonConverter<ParallelIndexState>))]
public readonly record struct ParallelIndexState(string Value) : IOpenString<ParallelIndexState>
{
    /// <summary>No task has been created for the index.</summary>
    public static readonly ParallelIndexState NotCreated = new("NotCreated");

    /// <summary>The index's last task failed and a retry is due later.</summary>
    public static readonly ParallelIndexState RetryBackoff = new("RetryBackoff");

    /// <summary>The index's current task has not started running.</summary>
    public static readonly ParallelIndexState Starting = new("Starting");

    /// <summary>The index's current task is running.</summary>
    public static readonly ParallelIndexState Running = new("Running");

    /// <summary>Every task of the index has terminated.</summary>
    public static readonly ParallelIndexState Terminated = new("Terminated");

    /// <summary>The values Furiko defines, in its order.</summary>
    public static IReadOnlyList<ParallelIndexState> Known { get; } = [NotCreated, RetryBackoff, Starting, Running, Terminated];

    /// <summary>Whether this is one of the values in <see cref="Known"/>.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <summary>
    /// Whether the index counts as terminated in Furiko's counters: NotCreated, RetryBackoff or Terminated.
    /// </summary>
    public bool CountsAsTerminated => this == NotCreated || this == RetryBackoff || this == Terminated;

    /// <inheritdoc />
    public static ParallelIndexState FromString(string value) => new(value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>Wraps a raw value.</summary>
    /// <param name="value">The raw value.</param>
    public static implicit operator ParallelIndexState(string value) => FromString(value);

    /// <summary>The raw value.</summary>
    /// <returns>The raw value; empty for the default instance.</returns>
    public override string ToString() => Value ?? string.Empty;
}
