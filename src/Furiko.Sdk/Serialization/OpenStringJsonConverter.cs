using System.Text.Json;
using System.Text.Json.Serialization;

namespace Furiko.Sdk.Serialization;

/// <summary>
/// Reads and writes an <see cref="IOpenString{TSelf}"/> as a plain JSON string, keeping values the SDK
/// does not know.
/// </summary>
/// <typeparam name="T">The open string type.</typeparam>
public sealed class OpenStringJsonConverter<T> : JsonConverter<T>
    where T : struct, IOpenString<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            // A null message lets System.Text.Json add the JSON path to the error.
            throw new JsonException(null, new FormatException(
                $"Expected a JSON string for {typeof(T).Name}, found {reader.TokenType}."));
        }

        return T.FromString(reader.GetString()!);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value ?? string.Empty);
    }
}
