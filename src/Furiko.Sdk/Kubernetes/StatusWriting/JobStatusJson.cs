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

        // Statuses that differ in a count, in the number of task entries or in their phase cannot be stored as the same
        // JSON, and telling so costs nothing; only statuses alike in all of these are compared in full (for a Job of
        // 1,000 tasks, two serializations and two parses of half a megabyte each).
        if (left.CreatedTasks != right.CreatedTasks
            || left.RunningTasks != right.RunningTasks
            || (left.Tasks?.Count ?? 0) != (right.Tasks?.Count ?? 0)
            || (left.Phase.Value is { } leftPhase && right.Phase.Value is { } rightPhase && !string.Equals(leftPhase, rightPhase, StringComparison.Ordinal)))
        {
            return false;
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
            || HaveEqualKnownFieldsOnly(left, right)
            || JsonNode.DeepEquals(JsonNode.Parse(FurikoJson.Serialize(left)), JsonNode.Parse(FurikoJson.Serialize(right)));
    }

    // Equal typed fields and no unknown ones certainly give equal JSON: the common case of a tombstone written again
    // (every task of a killed Job, on every later pass) is decided without serializing. Anything else is left to the JSON.
    private static bool HaveEqualKnownFieldsOnly(TaskRefStatus left, TaskRefStatus right) =>
        left.UnknownFields is null or { Count: 0 }
        && right.UnknownFields is null or { Count: 0 }
        && left.State == right.State
        && left.Result == right.Result
        && string.Equals(left.Reason, right.Reason, StringComparison.Ordinal)
        && string.Equals(left.Message, right.Message, StringComparison.Ordinal);

    /// <summary>
    /// A status that shares every member with the given one but its task list, which is a new list holding the same
    /// entries: an entry replaced in the new list (as <see cref="TombstonedStatus.Apply"/> replaces the entries it gives a
    /// tombstone) is not seen through the given status. Neither status's shared members may be changed afterwards; the
    /// SDK's callers change none. Unlike a deep copy through JSON, it costs nothing for a Job of many tasks.
    /// </summary>
    public static JobStatus WithOwnTaskList(JobStatus status) => new()
    {
        Phase = status.Phase,
        State = status.State,
        Condition = status.Condition,
        StartTime = status.StartTime,
        CreatedTasks = status.CreatedTasks,
        RunningTasks = status.RunningTasks,
        Tasks = status.Tasks is null ? null : new List<TaskRef>(status.Tasks),
        ParallelStatus = status.ParallelStatus,
        UnknownFields = status.UnknownFields,
    };

    /// <summary>A task entry that shares every member with the given one but has another <c>deletedStatus</c> (the tombstone).</summary>
    public static TaskRef WithDeletedStatus(TaskRef taskRef, TaskRefStatus? deletedStatus) => new()
    {
        Name = taskRef.Name,
        CreationTimestamp = taskRef.CreationTimestamp,
        RunningTimestamp = taskRef.RunningTimestamp,
        FinishTimestamp = taskRef.FinishTimestamp,
        RetryIndex = taskRef.RetryIndex,
        ParallelIndex = taskRef.ParallelIndex,
        Status = taskRef.Status,
        DeletedStatus = deletedStatus,
        NodeName = taskRef.NodeName,
        ContainerStates = taskRef.ContainerStates,
        UnknownFields = taskRef.UnknownFields,
    };

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
