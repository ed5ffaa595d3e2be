using System.Text.Json;
using k8s;

namespace Furiko.Sdk.Serialization;

/// <summary>
/// Reads and writes Furiko models as JSON with KubernetesClient's serializer settings, turning every read
/// error into a <see cref="FurikoSerializationException"/> that names the JSON path and the offending value.
/// Thread-safe.
/// </summary>
public static class FurikoJson
{
    /// <summary>Reads a model from JSON.</summary>
    /// <typeparam name="T">The model type, for example <c>Job</c> or <c>JobConfigList</c>.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The model.</returns>
    /// <exception cref="FurikoSerializationException">The JSON is malformed, truncated, <c>null</c>, or does not fit the model.</exception>
    public static T Deserialize<T>(string json)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read<T>(json, showPositions: true);
    }

    /// <summary>Writes a model (or any KubernetesClient object) as compact JSON.</summary>
    /// <param name="value">The object.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return KubernetesJson.Serialize(value);
    }

    /// <summary>
    /// Reads a model; <paramref name="showPositions"/> is false for JSON converted from YAML, whose line and byte
    /// positions would mislead (the JSON path still says where).
    /// </summary>
    internal static T Read<T>(string json, bool showPositions)
        where T : class
    {
        T? value;
        try
        {
            value = KubernetesJson.Deserialize<T>(json);
        }
        catch (JsonException ex)
        {
            throw new FurikoSerializationException(JsonErrorDescriber.Describe(ex, json, typeof(T).Name, showPositions), ex.Path, null, ex);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or NotSupportedException or ArithmeticException or ArgumentException)
        {
            // KubernetesClient's own converters (metadata timestamps, resource quantities) fail without a path.
            throw ConverterFailureLocator.Locate(json, typeof(T)) is { } located
                ? new FurikoSerializationException(JsonErrorDescriber.Describe(located, json, typeof(T).Name, showPositions), located.Path, null, ex)
                : new FurikoSerializationException($"Cannot read {typeof(T).Name}: {ex.Message}", null, null, ex);
        }

        return value ?? throw new FurikoSerializationException(
            $"Cannot read {typeof(T).Name}: at $: expected a JSON object ({typeof(T).Name}), found null.", "$", null, null);
    }
}
