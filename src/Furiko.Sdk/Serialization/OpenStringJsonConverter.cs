using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Furiko.Sdk.Serialization;

/// <summary>
/// Reads and writes an <see cref="IOpenString{TSelf}"/> as a plain JSON string, keeping values the SDK
/// does not know. A known value (<see cref="IOpenString{TSelf}.Known"/>) is matched in the UTF-8 text and shares the
/// constant's string, so a list of many Jobs does not allocate one string per phase, state and result.
/// Thread-safe.
/// </summary>
/// <typeparam name="T">The open string type.</typeparam>
public sealed class OpenStringJsonConverter<T> : JsonConverter<T>
    where T : struct, IOpenString<T>
{
    private static readonly (byte[] Utf8, T Value)[] KnownValues =
        [.. T.Known.Where(known => known.Value is not null).Select(known => (Encoding.UTF8.GetBytes(known.Value), known))];

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            // A null message lets System.Text.Json add the JSON path to the error.
            throw new JsonException(null, new FormatException(
                $"Expected a JSON string for {typeof(T).Name}, found {reader.TokenType}."));
        }

        // An escaped or split value is compared after unescaping, through the general path below.
        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            var text = reader.ValueSpan;
            foreach (var (utf8, value) in KnownValues)
            {
                if (text.SequenceEqual(utf8))
                {
                    return value;
                }
            }
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
