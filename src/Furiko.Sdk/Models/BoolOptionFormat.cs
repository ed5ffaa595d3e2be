using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Models;

/// <summary>
/// How a boolean Job option is written into the task template.
/// An open set: a value the SDK does not know is kept and written back unchanged. Compared ordinally.
/// </summary>
/// <param name="Value">The raw value as it appears in JSON.</param>
[JsonConverter(typeof(OpenStringJsonConverter<BoolOptionFormat>))]
public readonly record struct BoolOptionFormat(string Value) : IOpenString<BoolOptionFormat>
{
    /// <summary>As <c>true</c> / <c>false</c> (the default).</summary>
    public static readonly BoolOptionFormat TrueFalse = new("TrueFalse");

    /// <summary>As <c>1</c> / <c>0</c>.</summary>
    public static readonly BoolOptionFormat OneZero = new("OneZero");

    /// <summary>As <c>yes</c> / <c>no</c>.</summary>
    public static readonly BoolOptionFormat YesNo = new("YesNo");

    /// <summary>As the option's <c>trueVal</c> / <c>falseVal</c>.</summary>
    public static readonly BoolOptionFormat Custom = new("Custom");

    /// <summary>The values Furiko defines, in its order.</summary>
    public static IReadOnlyList<BoolOptionFormat> Known { get; } = [TrueFalse, OneZero, YesNo, Custom];

    /// <summary>Whether this is one of the values in <see cref="Known"/>.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static BoolOptionFormat FromString(string value) => new(value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>Wraps a raw value.</summary>
    /// <param name="value">The raw value.</param>
    public static implicit operator BoolOptionFormat(string value) => FromString(value);

    /// <summary>The raw value.</summary>
    /// <returns>The raw value; empty for the default instance.</returns>
    public override string ToString() => Value ?? string.Empty;
}
