using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Models;

/// <summary>
/// The high-level state of a JobConfig (<c>status.state</c>).
/// An open set: a value the SDK does not know is kept and written back unchanged. Compared ordinally.
/// </summary>
/// <param name="Value">The raw value as it appears in JSON.</param>
[JsonConverter(typeof(OpenStringJsonConverter<JobConfigState>))]
public readonly record struct JobConfigState(string Value) : IOpenString<JobConfigState>
{
    /// <summary>Ready to execute; the JobConfig has no schedule.</summary>
    public static readonly JobConfigState Ready = new("Ready");

    /// <summary>Ready to execute; its schedule is enabled.</summary>
    public static readonly JobConfigState ReadyEnabled = new("ReadyEnabled");

    /// <summary>Ready to execute; its schedule is disabled.</summary>
    public static readonly JobConfigState ReadyDisabled = new("ReadyDisabled");

    /// <summary>Some of its Jobs are queued and none has started.</summary>
    public static readonly JobConfigState JobQueued = new("JobQueued");

    /// <summary>Some of its Jobs have started.</summary>
    public static readonly JobConfigState Executing = new("Executing");

    /// <summary>The values Furiko defines, in its order.</summary>
    public static IReadOnlyList<JobConfigState> Known { get; } = [Ready, ReadyEnabled, ReadyDisabled, JobQueued, Executing];

    /// <summary>Whether this is one of the values in <see cref="Known"/>.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static JobConfigState FromString(string value) => new(value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>Wraps a raw value.</summary>
    /// <param name="value">The raw value.</param>
    public static implicit operator JobConfigState(string value) => FromString(value);

    /// <summary>The raw value.</summary>
    /// <returns>The raw value; empty for the default instance.</returns>
    public override string ToString() => Value ?? string.Empty;
}
