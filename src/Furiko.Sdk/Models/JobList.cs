using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;
using k8s;
using k8s.Models;

namespace Furiko.Sdk.Models;

/// <summary>A list of <see cref="Job"/>s, as a list call returns it.</summary>
[KubernetesEntity(Group = FurikoApi.Group, ApiVersion = FurikoApi.Version, Kind = FurikoApi.JobListKind, PluralName = FurikoApi.JobPlural)]
public sealed class JobList : ExtensibleModel, IKubernetesObject<V1ListMeta>, IItems<Job>
{
    /// <summary>The <c>apiVersion</c> field.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = FurikoApi.GroupVersion;

    /// <summary>The <c>kind</c> field, <c>JobList</c>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = FurikoApi.JobListKind;

    /// <summary>List metadata: resourceVersion and the continue token of a paged list.</summary>
    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    /// <summary>The Jobs.</summary>
    [JsonPropertyName("items")]
    public IList<Job> Items { get; set; } = [];
}
