using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Models;

/// <summary>
/// How a Job was created (<c>spec.type</c>).
/// An open set: a value the SDK does not know is kept and written back unchanged. Compared ordinally.
/// </summary>
/// <param name="Value">The raw value as it appears in JSON.</param>
[JsonConverter(typeof(OpenStringJsonConverter<JobType>))]
public readonly record struct JobType(string Value) : IOpenString<JobType>
{
    /// <summary>Created on demand, outside any schedule (the default).</summary>
    public static readonly JobType Adhoc = new("Adhoc");

    /// <summary>Created by a JobConfig's schedule.</summary>
    public static readonly JobType Scheduled = new("Scheduled");

    /// <summary>The values Furiko defines, in its order.</summary>
    public static IReadOnlyList<JobType> Known { get; } = [Adhoc, Scheduled];

    /// <summary>Whether this is one of the values in <see cref="Known"/>.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static JobType FromString(string value) => new(value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>Wraps a raw value.</summary>
    /// <param name="value">The raw value.</param>
    public static implicit operator JobType(string value) => FromString(value);

    /// <summary>The raw value.</summary>
    /// <returns>The raw value; empty for the default instance.</returns>
    public override string ToString() => Value ?? string.Empty;
}
