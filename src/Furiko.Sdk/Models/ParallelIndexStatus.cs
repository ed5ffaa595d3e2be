using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Models;

/// <summary>The status of one parallel index (<c>status.parallelStatus.indexes[]</c>).</summary>
public sealed class ParallelIndexStatus : ExtensibleModel
{
    /// <summary>The index.</summary>
    [JsonPropertyName("index")]
    public ParallelIndex Index { get; set; } = new();

    /// <summary>The index's six-character hash, as used in task names.</summary>
    [JsonPropertyName("hash")]
    public string Hash { get; set; } = string.Empty;

    /// <summary>How many tasks were created for this index.</summary>
    [JsonPropertyName("createdTasks")]
    public long CreatedTasks { get; set; }

    /// <summary>The index's state.</summary>
    [JsonPropertyName("state")]
    public ParallelIndexState State { get; set; }

    /// <summary>Once terminated: Succeeded or Failed.</summary>
    [JsonPropertyName("result")]
    public TaskResult? Result { get; set; }
}
