using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Models;

/// <summary>
/// The type of a Job option of a JobConfig (<c>spec.option.options[].type</c>).
/// An open set: a value the SDK does not know is kept and written back unchanged. Compared ordinally.
/// </summary>
/// <param name="Value">The raw value as it appears in JSON.</param>
[JsonConverter(typeof(OpenStringJsonConverter<OptionType>))]
public readonly record struct OptionType(string Value) : IOpenString<OptionType>
{
    /// <summary>A boolean value.</summary>
    public static readonly OptionType Bool = new("Bool");

    /// <summary>Any string.</summary>
#pragma warning disable CA1720 // "String" is Furiko's own value name.
    public static readonly OptionType String = new("String");
#pragma warning restore CA1720

    /// <summary>One value out of a list.</summary>
    public static readonly OptionType Select = new("Select");

    /// <summary>Zero or more values out of a list, joined by a delimiter.</summary>
    public static readonly OptionType Multi = new("Multi");

    /// <summary>A formatted date.</summary>
    public static readonly OptionType Date = new("Date");

    /// <summary>The values Furiko defines, in its order.</summary>
    public static IReadOnlyList<OptionType> Known { get; } = [Bool, String, Select, Multi, Date];

    /// <summary>Whether this is one of the values in <see cref="Known"/>.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static OptionType FromString(string value) => new(value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>Wraps a raw value.</summary>
    /// <param name="value">The raw value.</param>
    public static implicit operator OptionType(string value) => FromString(value);

    /// <summary>The raw value.</summary>
    /// <returns>The raw value; empty for the default instance.</returns>
    public override string ToString() => Value ?? string.Empty;
}
