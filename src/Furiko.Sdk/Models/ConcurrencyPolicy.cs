using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Models;

/// <summary>
/// What to do when other Jobs of the same JobConfig are running.
/// An open set: a value the SDK does not know is kept and written back unchanged. Compared ordinally.
/// </summary>
/// <param name="Value">The raw value as it appears in JSON.</param>
[JsonConverter(typeof(OpenStringJsonConverter<ConcurrencyPolicy>))]
public readonly record struct ConcurrencyPolicy(string Value) : IOpenString<ConcurrencyPolicy>
{
    /// <summary>Several Jobs of the JobConfig may run at once.</summary>
    public static readonly ConcurrencyPolicy Allow = new("Allow");

    /// <summary>A new Job is not started while another one runs.</summary>
    public static readonly ConcurrencyPolicy Forbid = new("Forbid");

    /// <summary>A new Job waits until the running ones have finished.</summary>
    public static readonly ConcurrencyPolicy Enqueue = new("Enqueue");

    /// <summary>The values Furiko defines, in its order.</summary>
    public static IReadOnlyList<ConcurrencyPolicy> Known { get; } = [Allow, Forbid, Enqueue];

    /// <summary>Whether this is one of the values in <see cref="Known"/>.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static ConcurrencyPolicy FromString(string value) => new(value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>Wraps a raw value.</summary>
    /// <param name="value">The raw value.</param>
    public static implicit operator ConcurrencyPolicy(string value) => FromString(value);

    /// <summary>The raw value.</summary>
    /// <returns>The raw value; empty for the default instance.</returns>
    public override string ToString() => Value ?? string.Empty;
}
