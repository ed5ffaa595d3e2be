using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Models;

/// <summary>
/// The result of a finished Job (<c>status.condition.finished.result</c>).
/// An open set: a value the SDK does not know is kept and written back unchanged. Compared ordinally.
/// </summary>
/// <param name="Value">The raw value as it appears in JSON.</param>
[JsonConverter(typeof(OpenStringJsonConverter<JobResult>))]
public readonly record struct JobResult(string Value) : IOpenString<JobResult>
{
    /// <summary>The Job finished successfully.</summary>
    public static readonly JobResult Success = new("Success");

    /// <summary>The Job failed and will not retry.</summary>
    public static readonly JobResult Failed = new("Failed");

    /// <summary>The Job and all its tasks were killed.</summary>
    public static readonly JobResult Killed = new("Killed");

    /// <summary>The Job could not create its tasks.</summary>
    public static readonly JobResult AdmissionError = new("AdmissionError");

    /// <summary>The final state of the Job is not known.</summary>
    public static readonly JobResult FinalStateUnknown = new("FinalStateUnknown");

    /// <summary>The values Furiko defines, in its order.</summary>
    public static IReadOnlyList<JobResult> Known { get; } = [Success, Failed, Killed, AdmissionError, FinalStateUnknown];

    /// <summary>Whether this is one of the values in <see cref="Known"/>.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <summary>Whether the result counts as a failure: Failed, AdmissionError or Killed, as in Furiko.</summary>
    public bool IsFailed => this == Failed || this == AdmissionError || this == Killed;

    /// <inheritdoc />
    public static JobResult FromString(string value) => new(value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>Wraps a raw value.</summary>
    /// <param name="value">The raw value.</param>
    public static implicit operator JobResult(string value) => FromString(value);

    /// <summary>The raw value.</summary>
    /// <returns>The raw value; empty for the default instance.</returns>
    public override string ToString() => Value ?? string.Empty;
}
