using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Models;

/// <summary>
/// The result of a terminated task (<c>status.tasks[].status.result</c>).
/// An open set: a value the SDK does not know is kept and written back unchanged. Compared ordinally.
/// </summary>
/// <param name="Value">The raw value as it appears in JSON.</param>
[JsonConverter(typeof(OpenStringJsonConverter<TaskResult>))]
public readonly record struct TaskResult(string Value) : IOpenString<TaskResult>
{
    /// <summary>The task finished successfully.</summary>
    public static readonly TaskResult Succeeded = new("Succeeded");

    /// <summary>The task exited with an error.</summary>
    public static readonly TaskResult Failed = new("Failed");

    /// <summary>The task was killed from outside.</summary>
    public static readonly TaskResult Killed = new("Killed");

    /// <summary>The values Furiko defines, in its order.</summary>
    public static IReadOnlyList<TaskResult> Known { get; } = [Succeeded, Failed, Killed];

    /// <summary>Whether this is one of the values in <see cref="Known"/>.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static TaskResult FromString(string value) => new(value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>Wraps a raw value.</summary>
    /// <param name="value">The raw value.</param>
    public static implicit operator TaskResult(string value) => FromString(value);

    /// <summary>The raw value.</summary>
    /// <returns>The raw value; empty for the default instance.</returns>
    public override string ToString() => Value ?? string.Empty;
}
