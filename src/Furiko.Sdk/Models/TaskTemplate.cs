using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;
using k8s.Models;

namespace Furiko.Sdk.Models;

/// <summary>How to create one task of a Job (<c>taskTemplate</c>). Exactly one kind of task is set.</summary>
public sealed class TaskTemplate : ExtensibleModel
{
    /// <summary>The task as a Pod: its metadata and spec, with KubernetesClient's types.</summary>
    [JsonPropertyName("pod")]
    public V1PodTemplateSpec? Pod { get; set; }
}
