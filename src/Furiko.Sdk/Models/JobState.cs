using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Models;

/// <summary>
/// The simplified state of a Job (<c>status.state</c>), which follows its condition.
/// An open set: a value the SDK does not know is kept and written back unchanged. Compared ordinally.
/// </summary>
/// <param name="Value">The raw value as it appears in JSON.</param>
[JsonConverter(typeof(OpenStringJsonConverter<JobState>))]
public readonly record struct JobState(string Value) : IOpenString<JobState>
{
    /// <summary>The Job has not started yet.</summary>
    public static readonly JobState Queued = new("Queued");

    /// <summary>The Job has started but waits for tasks to be created, to start, or to be deleted.</summary>
    public static readonly JobState Waiting = new("Waiting");

    /// <summary>All tasks have started running and the Job has not finished.</summary>
    public static readonly JobState Running = new("Running");

    /// <summary>The Job has finished.</summary>
    public static readonly JobState Finished = new("Finished");

    /// <summary>The values Furiko defines, in its order.</summary>
    public static IReadOnlyList<JobState> Known { get; } = [Queued, Waiting, Running, Finished];

    /// <summary>Whether this is one of the values in <see cref="Known"/>.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static JobState FromString(string value) => new(value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>Wraps a raw value.</summary>
    /// <param name="value">The raw value.</param>
    public static implicit operator JobState(string value) => FromString(value);

    /// <summary>The raw value.</summary>
    /// <returns>The raw value; empty for the default instance.</returns>
    public override string ToString() => Value ?? string.Empty;
}
