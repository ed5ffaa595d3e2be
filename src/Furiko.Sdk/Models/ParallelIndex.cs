using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Models;

/// <summary>
/// Which parallel index a task runs (<c>parallelIndex</c>, <c>parallelStatus.indexes[].index</c>): one of an index
/// number, an index key or matrix values, depending on how the Job's parallelism is given.
/// </summary>
public sealed class ParallelIndex : ExtensibleModel
{
    /// <summary>With <c>withCount</c>: the index number, from 0 to N-1.</summary>
    [JsonPropertyName("indexNumber")]
    public long? IndexNumber { get; set; }

    /// <summary>With <c>withKeys</c>: the index key.</summary>
    [JsonPropertyName("indexKey")]
    public string? IndexKey { get; set; }

    /// <summary>With <c>withMatrix</c>: one value per matrix key.</summary>
    [JsonPropertyName("matrixValues")]
    public IDictionary<string, string>? MatrixValues { get; set; }

    /// <summary>A deep copy, unknown fields included.</summary>
    /// <returns>The copy.</returns>
    public ParallelIndex DeepClone() => new()
    {
        IndexNumber = IndexNumber,
        IndexKey = IndexKey,
        MatrixValues = MatrixValues is null ? null : new Dictionary<string, string>(MatrixValues, StringComparer.Ordinal),
        UnknownFields = CloneUnknownFields(),
    };
}
