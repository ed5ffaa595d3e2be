using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Furiko.Sdk.Serialization;

/// <summary>
/// Reads an RFC 3339 timestamp (with <c>Z</c> or a numeric offset, and 0 to 9 fraction digits) into an
/// <see cref="Instant"/>, and writes an instant in UTC with a <c>Z</c> suffix (fraction digits only when
/// the instant has them). Put it on each <see cref="Instant"/> property with
/// <see cref="JsonConverterAttribute"/>: KubernetesClient's serializer cannot be given converters.
/// </summary>
public sealed class InstantJsonConverter : JsonConverter<Instant>
{
    private static readonly OffsetDateTimePattern ReadPattern =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<Z+HH:mm>");

    /// <summary>Parses an RFC 3339 timestamp.</summary>
    /// <param name="text">The text, for example <c>2022-03-06T00:27:00+08:00</c>.</param>
    /// <param name="instant">The instant it denotes, when the text is valid.</param>
    /// <param name="error">Why the text is not a timestamp, when it is not.</param>
    /// <returns><see langword="true"/> when the text is a valid RFC 3339 timestamp.</returns>
    public static bool TryParse(string text, out Instant instant, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (UtcTimestampFastPath.TryParse(text.AsSpan(), out instant))
        {
            error = null;
            return true;
        }

        // RFC 3339 allows lower-case 't' and 'z'; NodaTime's pattern wants upper case.
        var result = ReadPattern.Parse(text.ToUpperInvariant());

        // NodaTime reads 24:00:00 as the end of the day; RFC 3339 (and Go, so the API server) allow hours 00-23 only.
        if (result.Success && !(text.Length > 12 && text[11] == '2' && text[12] == '4'))
        {
            instant = result.Value.ToInstant();
            error = null;
            return true;
        }

        instant = default;
        error = $"'{text}' is not an RFC 3339 timestamp (expected e.g. 2022-03-06T00:27:00Z or 2022-03-06T00:27:00+08:00).";
        return false;
    }

    /// <summary>Formats an instant the way the SDK writes it: UTC, <c>Z</c> suffix.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>For example <c>2022-03-05T16:27:00Z</c>.</returns>
    public static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    /// <inheritdoc />
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException(null, new FormatException(
                $"Expected an RFC 3339 timestamp string, found {reader.TokenType}."));
        }

        // The common layout is read from the UTF-8 bytes in place; an escaped or split value takes the full path.
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && UtcTimestampFastPath.TryParse(reader.ValueSpan, out var fast))
        {
            return fast;
        }

        var text = reader.GetString()!;
        if (!TryParse(text, out var instant, out var error))
        {
            // A null message lets System.Text.Json add the JSON path; the inner exception names the value.
            throw new JsonException(null, new FormatException(error));
        }

        return instant;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Format(value));
    }
}
