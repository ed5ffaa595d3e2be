using System.Text.Json.Nodes;
using Furiko.Sdk.Models;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// Compares and copies Job statuses through their JSON form, the form the API server stores, so that a status
/// equal on the wire counts as unchanged (and no write is sent) and a copy keeps every field, unknown ones
/// included. Pure; thread-safe.
/// </summary>
internal static class JobStatusJson
{
    /// <summary>Whether two statuses would be stored as the same JSON (object members in any order).</summary>
    public static bool AreEqual(JobStatus? left, JobStatus? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        return JsonNode.DeepEquals(JsonNode.Parse(FurikoJson.Serialize(left)), JsonNode.Parse(FurikoJson.Serialize(right)));
    }

    /// <summary>Whether two tombstones would be stored as the same JSON.</summary>
    public static bool AreEqual(TaskRefStatus? left, TaskRefStatus? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        return ReferenceEquals(left, right)
            || JsonNode.DeepEquals(JsonNode.Parse(FurikoJson.Serialize(left)), JsonNode.Parse(FurikoJson.Serialize(right)));
    }

    /// <summary>A deep copy of a status.</summary>
    public static JobStatus Clone(JobStatus status) => FurikoJson.Deserialize<JobStatus>(FurikoJson.Serialize(status));

    /// <summary>
    /// A Job that shares the given Job's metadata and spec (neither is changed by the callers) but has another
    /// status: the object a status write sends, or the input of a derivation.
    /// </summary>
    public static Job WithStatus(Job job, JobStatus? status) => new()
    {
        ApiVersion = job.ApiVersion,
        Kind = job.Kind,
        Metadata = job.Metadata,
        Spec = job.Spec,
        Status = status,
        UnknownFields = job.UnknownFields,
    };
}
