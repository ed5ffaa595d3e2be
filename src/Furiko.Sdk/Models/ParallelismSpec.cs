using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Models;

/// <summary>How a Job runs several tasks in parallel (<c>spec.template.parallelism</c>). Set one of the three ways.</summary>
public sealed class ParallelismSpec : ExtensibleModel
{
    /// <summary>Run this many tasks, with index numbers 0 to N-1.</summary>
    [JsonPropertyName("withCount")]
    public long? WithCount { get; set; }

    /// <summary>Run one task per key, in list order.</summary>
    [JsonPropertyName("withKeys")]
    public IList<string>? WithKeys { get; set; }

    /// <summary>Run one task per combination of values: each key maps to its possible values.</summary>
    [JsonPropertyName("withMatrix")]
    public IDictionary<string, IList<string>>? WithMatrix { get; set; }

    /// <summary>When the Job is complete; <see langword="null"/> or empty means <see cref="ParallelCompletionStrategy.AllSuccessful"/>.</summary>
    [JsonPropertyName("completionStrategy")]
    public ParallelCompletionStrategy? CompletionStrategy { get; set; }

    /// <summary>The effective strategy: <see cref="CompletionStrategy"/>, or AllSuccessful when unset or empty.</summary>
    [JsonIgnore]
    public ParallelCompletionStrategy EffectiveCompletionStrategy =>
        string.IsNullOrEmpty(CompletionStrategy?.Value) ? ParallelCompletionStrategy.AllSuccessful : CompletionStrategy.Value;
}
