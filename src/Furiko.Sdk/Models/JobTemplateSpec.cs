using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;
using k8s.Models;

namespace Furiko.Sdk.Models;

/// <summary>The template of a Job with its metadata (<c>spec.template</c> of a JobConfig).</summary>
public sealed class JobTemplateSpec : ExtensibleModel
{
    /// <summary>Labels and annotations to put on each Job created.</summary>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta? Metadata { get; set; }

    /// <summary>The Job template. Required by the schema.</summary>
    [JsonPropertyName("spec")]
    public JobTemplate Spec { get; set; } = new();
}
