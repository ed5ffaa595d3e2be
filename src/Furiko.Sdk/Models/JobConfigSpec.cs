using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Models;

/// <summary>The desired state of a <see cref="JobConfig"/> (<c>spec</c>).</summary>
public sealed class JobConfigSpec : ExtensibleModel
{
    /// <summary>The template of the Jobs created from this JobConfig. Required by the schema.</summary>
    [JsonPropertyName("template")]
    public JobTemplateSpec Template { get; set; } = new();

    /// <summary>How concurrent Jobs of this JobConfig are treated. Required by the schema.</summary>
    [JsonPropertyName("concurrency")]
    public ConcurrencySpec Concurrency { get; set; } = new();

    /// <summary>When Jobs are created automatically; <see langword="null"/> for no schedule.</summary>
    [JsonPropertyName("schedule")]
    public ScheduleSpec? Schedule { get; set; }

    /// <summary>The options that parameterize Jobs; <see langword="null"/> for none.</summary>
    [JsonPropertyName("option")]
    public OptionSpec? Option { get; set; }
}
