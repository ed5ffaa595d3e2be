using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Models;

/// <summary>The options that parameterize a JobConfig's Jobs (<c>spec.option</c>).</summary>
public sealed class OptionSpec : ExtensibleModel
{
    /// <summary>The options, each substituted as <c>${option.NAME}</c> in the task template.</summary>
    [JsonPropertyName("options")]
    public IList<JobOption>? Options { get; set; }
}
