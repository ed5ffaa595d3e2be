using System.Buffers;
using System.Text;
using System.Text.Json;
using Furiko.Sdk.Models;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Status;

/// <summary>
/// Reads and writes the <c>execution.furiko.io/task-parallel-index</c> Pod annotation: the task's parallel
/// index as compact JSON in Furiko's field order, for example <c>{"indexNumber":0}</c>. Thread-safe.
/// </summary>
public static class ParallelIndexAnnotation
{
    /// <summary>Formats an index the way Furiko writes the annotation (empty fields omitted, matrix keys sorted).</summary>
    /// <param name="index">The index.</param>
    /// <returns>Compact JSON, for example <c>{"indexKey":"a"}</c>.</returns>
    public static string Format(ParallelIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (index.IndexNumber is { } number)
            {
                writer.WriteNumber("indexNumber", number);
            }

            if (!string.IsNullOrEmpty(index.IndexKey))
            {
                writer.WriteString("indexKey", index.IndexKey);
            }

            if (index.MatrixValues is { Count: > 0 } matrix)
            {
                writer.WriteStartObject("matrixValues");
                foreach (var (key, value) in matrix.OrderBy(pair => pair.Key, StringComparer.Ordinal))
                {
                    writer.WriteString(key, value);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads the annotation's value.</summary>
    /// <param name="value">The annotation's value.</param>
    /// <param name="index">The index, when the value is valid.</param>
    /// <returns><see langword="true"/> when the value is a valid parallel index.</returns>
    public static bool TryParse(string? value, out ParallelIndex? index)
    {
        index = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        try
        {
            index = FurikoJson.Deserialize<ParallelIndex>(value);
            return true;
        }
        catch (FurikoSerializationException)
        {
            return false;
        }
    }
}
