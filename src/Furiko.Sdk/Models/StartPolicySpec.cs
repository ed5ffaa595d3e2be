using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;
using NodaTime;

namespace Furiko.Sdk.Models;

/// <summary>Conditions that must hold before a Job starts (<c>spec.startPolicy</c>).</summary>
public sealed class StartPolicySpec : ExtensibleModel
{
    /// <summary>What to do while other Jobs of the same JobConfig are running. Required by the schema.</summary>
    [JsonPropertyName("concurrencyPolicy")]
    public ConcurrencyPolicy ConcurrencyPolicy { get; set; }

    /// <summary>The earliest time the Job may start; <see langword="null"/> for no such limit.</summary>
    [JsonPropertyName("startAfter")]
    [JsonConverter(typeof(InstantJsonConverter))]
    public Instant? StartAfter { get; set; }
}
