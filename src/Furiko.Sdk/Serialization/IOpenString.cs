namespace Furiko.Sdk.Serialization;

/// <summary>
/// A string-valued "enum" whose set of values is open: besides the constants the SDK knows, any
/// string a newer Furiko writes is kept as it is, so it loads and is written back unchanged.
/// </summary>
/// <typeparam name="TSelf">The implementing value type.</typeparam>
public interface IOpenString<TSelf>
    where TSelf : struct, IOpenString<TSelf>
{
    /// <summary>The raw value as it appears in JSON. Never <see langword="null"/> for a value read from JSON.</summary>
    string Value { get; }

    /// <summary>Wraps a raw value, known or not.</summary>
    /// <param name="value">The raw value; must not be <see langword="null"/>.</param>
    /// <returns>The wrapped value.</returns>
    static abstract TSelf FromString(string value);

    /// <summary>
    /// The values the SDK knows (Furiko's constants); none unless the type lists them. They are read from JSON
    /// without allocating a new string each time; any other value still loads through <see cref="FromString"/>.
    /// </summary>
    static virtual IReadOnlyList<TSelf> Known => [];
}
