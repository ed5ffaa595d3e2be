using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;
using k8s;
using k8s.Models;

namespace Furiko.Sdk.Models;

/// <summary>A list of <see cref="JobConfig"/>s, as a list call returns it.</summary>
[KubernetesEntity(Group = FurikoApi.Group, ApiVersion = FurikoApi.Version, Kind = FurikoApi.JobConfigListKind, PluralName = FurikoApi.JobConfigPlural)]
public sealed class JobConfigList : ExtensibleModel, IKubernetesObject<V1ListMeta>, IItems<JobConfig>
{
    /// <summary>The <c>apiVersion</c> field.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = FurikoApi.GroupVersion;

    /// <summary>The <c>kind</c> field, <c>JobConfigList</c>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = FurikoApi.JobConfigListKind;

    /// <summary>List metadata: resourceVersion and the continue token of a paged list.</summary>
    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    /// <summary>The JobConfigs.</summary>
    [JsonPropertyName("items")]
    public IList<JobConfig> Items { get; set; } = [];
}
