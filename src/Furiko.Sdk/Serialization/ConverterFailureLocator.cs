using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using k8s;

namespace Furiko.Sdk.Serialization;

/// <summary>
/// Finds where KubernetesClient's own converters failed. They throw plain exceptions (for example a
/// <see cref="FormatException"/> for a bad <c>creationTimestamp</c> or resource quantity) that carry no JSON
/// path; reading the JSON once more with each of them wrapped so that it throws a <see cref="JsonException"/>
/// lets System.Text.Json add the path. Used only after a read has failed, so every successful read is still
/// decided by KubernetesClient's own settings alone.
/// </summary>
internal static class ConverterFailureLocator
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>The same failure with its JSON path, or <see langword="null"/> when it cannot be located.</summary>
    public static JsonException? Locate(string json, Type type)
    {
        try
        {
            JsonSerializer.Deserialize(json, type, Options);
            return null;
        }
        catch (JsonException ex) when (ex.Path is not null)
        {
            return ex;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or NotSupportedException or ArithmeticException or ArgumentException)
        {
            return null;
        }
    }

    // KubernetesJson's settings, with its converters wrapped.
    private static JsonSerializerOptions CreateOptions() => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters =
        {
            new JsonStringEnumConverter(),
            new PathReportingConverter<DateTime>(new KubernetesJson.KubernetesDateTimeConverter()),
            new PathReportingConverter<DateTimeOffset>(new KubernetesJson.KubernetesDateTimeOffsetConverter()),
            new PathReportingConverter<TimeSpan>(new KubernetesJson.Iso8601TimeSpanConverter()),
            new TypeConverterWrapper(),
        },
    };

    /// <summary>Wraps the converter a KubernetesClient type declares on itself (resource quantity, int-or-string).</summary>
    private sealed class TypeConverterWrapper : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.Assembly == typeof(KubernetesJson).Assembly && typeToConvert.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType is not null;

        public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        {
            var converterType = typeToConvert.GetCustomAttribute<JsonConverterAttribute>()!.ConverterType!;
            var inner = Activator.CreateInstance(converterType, nonPublic: true);
            return (JsonConverter?)Activator.CreateInstance(typeof(PathReportingConverter<>).MakeGenericType(typeToConvert), inner);
        }
    }

    /// <summary>Turns any failure of the wrapped converter into a <see cref="JsonException"/> that System.Text.Json locates.</summary>
    private sealed class PathReportingConverter<T>(JsonConverter<T> inner) : JsonConverter<T>
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            try
            {
                return inner.Read(ref reader, typeToConvert, options);
            }
            catch (Exception ex) when (ex is not JsonException)
            {
                // A null message lets System.Text.Json write "could not be converted to T" with the path.
                throw new JsonException(null, ex);
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => inner.Write(writer, value, options);
    }
}
