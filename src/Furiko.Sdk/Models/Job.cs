using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;
using k8s;
using k8s.Models;

namespace Furiko.Sdk.Models;

/// <summary>
/// A Furiko Job (<c>execution.furiko.io/v1alpha1</c>, kind <c>Job</c>): one execution, made of one or more
/// tasks (Pods). Works with KubernetesClient's <c>KubernetesJson</c>, <c>GenericClient</c> and CustomObjects API.
/// Not thread-safe: a Job is a plain mutable object.
/// </summary>
[KubernetesEntity(Group = FurikoApi.Group, ApiVersion = FurikoApi.Version, Kind = FurikoApi.JobKind, PluralName = FurikoApi.JobPlural)]
public sealed class Job : ExtensibleModel, IKubernetesObject<V1ObjectMeta>, ISpec<JobSpec>, IStatus<JobStatus?>
{
    /// <summary>The API group of this kind.</summary>
    public const string KubeGroup = FurikoApi.Group;

    /// <summary>The API version of this kind.</summary>
    public const string KubeApiVersion = FurikoApi.Version;

    /// <summary>The kind.</summary>
    public const string KubeKind = FurikoApi.JobKind;

    /// <summary>The plural resource name.</summary>
    public const string KubePluralName = FurikoApi.JobPlural;

    /// <summary>The <c>apiVersion</c> field, <c>execution.furiko.io/v1alpha1</c> for a Job read from a cluster.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = FurikoApi.GroupVersion;

    /// <summary>The <c>kind</c> field, <c>Job</c>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = FurikoApi.JobKind;

    /// <summary>Standard Kubernetes object metadata (name, namespace, uid, labels, finalizers, deletion time, ...).</summary>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>What the Job should run, and when to kill it.</summary>
    [JsonPropertyName("spec")]
    public JobSpec Spec { get; set; } = new();

    /// <summary>What the controller observed; <see langword="null"/> until a controller first writes it.</summary>
    [JsonPropertyName("status")]
    public JobStatus? Status { get; set; }
}
