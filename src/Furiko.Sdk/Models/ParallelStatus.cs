using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Models;

/// <summary>The status of a parallel Job's indexes (<c>status.parallelStatus</c>).</summary>
public sealed class ParallelStatus : ExtensibleModel
{
    /// <summary>
    /// Whether the completion strategy has decided the Job's outcome; remaining tasks are then killed and
    /// awaited.
    /// </summary>
    [JsonPropertyName("complete")]
    public bool Complete { get; set; }

    /// <summary>Once <see cref="Complete"/>: whether the Job succeeded under its completion strategy.</summary>
    [JsonPropertyName("successful")]
    public bool? Successful { get; set; }

    /// <summary>One entry per parallel index, created or not.</summary>
    [JsonPropertyName("indexes")]
    public IList<ParallelIndexStatus> Indexes { get; set; } = [];
}
