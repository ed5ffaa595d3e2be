using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Models;

/// <summary>How concurrent Jobs of a JobConfig are treated (<c>spec.concurrency</c>).</summary>
public sealed class ConcurrencySpec : ExtensibleModel
{
    /// <summary>Allow, Forbid or Enqueue. Required by the schema.</summary>
    [JsonPropertyName("policy")]
    public ConcurrencyPolicy Policy { get; set; }

    /// <summary>How many Jobs may run at once; <see langword="null"/> means 1. Not allowed with Allow.</summary>
    [JsonPropertyName("maxConcurrency")]
    public long? MaxConcurrency { get; set; }
}
