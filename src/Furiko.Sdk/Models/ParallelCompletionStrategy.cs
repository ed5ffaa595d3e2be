using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Models;

/// <summary>
/// When a parallel Job is complete (<c>spec.template.parallelism.completionStrategy</c>).
/// An open set: a value the SDK does not know is kept and written back unchanged. Compared ordinally.
/// </summary>
/// <param name="Value">The raw value as it appears in JSON.</param>
[JsonConverter(typeof(OpenStringJsonConverter<ParallelCompletionStrategy>))]
public readonly record struct ParallelCompletionStrategy(string Value) : IOpenString<ParallelCompletionStrategy>
{
    /// <summary>Complete once every index succeeded, or as soon as one index has used up its attempts (the default when empty).</summary>
    public static readonly ParallelCompletionStrategy AllSuccessful = new("AllSuccessful");

    /// <summary>Complete as soon as one index succeeded, or once every index has failed.</summary>
    public static readonly ParallelCompletionStrategy AnySuccessful = new("AnySuccessful");

    /// <summary>The values Furiko defines, in its order.</summary>
    public static IReadOnlyList<ParallelCompletionStrategy> Known { get; } = [AllSuccessful, AnySuccessful];

    /// <summary>Whether this is one of the values in <see cref="Known"/>.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static ParallelCompletionStrategy FromString(string value) => new(value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>Wraps a raw value.</summary>
    /// <param name="value">The raw value.</param>
    public static implicit operator ParallelCompletionStrategy(string value) => FromString(value);

    /// <summary>The raw value.</summary>
    /// <returns>The raw value; empty for the default instance.</returns>
    public override string ToString() => Value ?? string.Empty;
}
