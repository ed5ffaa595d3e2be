using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;
using k8s;
using k8s.Models;

namespace Furiko.Sdk.Models;

/// <summary>
/// A Furiko JobConfig (<c>execution.furiko.io/v1alpha1</c>, kind <c>JobConfig</c>): the template, schedule,
/// concurrency rules and options from which Jobs are created. Not thread-safe: a plain mutable object.
/// </summary>
[KubernetesEntity(Group = FurikoApi.Group, ApiVersion = FurikoApi.Version, Kind = FurikoApi.JobConfigKind, PluralName = FurikoApi.JobConfigPlural)]
public sealed class JobConfig : ExtensibleModel, IKubernetesObject<V1ObjectMeta>, ISpec<JobConfigSpec>, IStatus<JobConfigStatus?>
{
    /// <summary>The API group of this kind.</summary>
    public const string KubeGroup = FurikoApi.Group;

    /// <summary>The API version of this kind.</summary>
    public const string KubeApiVersion = FurikoApi.Version;

    /// <summary>The kind.</summary>
    public const string KubeKind = FurikoApi.JobConfigKind;

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = FurikoApi.JobConfigPlural;

    /// <summary>The <c>apiVersion</c> field, <c>execution.furiko.io/v1alpha1</c>.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = FurikoApi.GroupVersion;

    /// <summary>The <c>kind</c> field, <c>JobConfig</c>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = FurikoApi.JobConfigKind;

    /// <summary>Standard Kubernetes object metadata.</summary>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The JobConfig's template, concurrency rules, schedule and options.</summary>
    [JsonPropertyName("spec")]
    public JobConfigSpec Spec { get; set; } = new();

    /// <summary>What the controller observed; <see langword="null"/> until it first writes it.</summary>
    [JsonPropertyName("status")]
    public JobConfigStatus? Status { get; set; }
}
