using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Models;

/// <summary>
/// The status of one task (<c>status.tasks[].status</c>, and the tombstone <c>deletedStatus</c>).
/// Furiko's Go type is <c>TaskStatus</c>; renamed here so it does not clash with <see cref="System.Threading.Tasks.TaskStatus"/>.
/// </summary>
public sealed class TaskRefStatus : ExtensibleModel
{
    /// <summary>The task's state. Required by the schema.</summary>
    [JsonPropertyName("state")]
    public TaskState State { get; set; }

    /// <summary>The result once the task has terminated.</summary>
    [JsonPropertyName("result")]
    public TaskResult? Result { get; set; }

    /// <summary>One CamelCase word saying why, for example <c>PendingTimeout</c> or <c>ForceDeleted</c>.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    /// <summary>A sentence for people.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    /// <summary>A deep copy, unknown fields included.</summary>
    /// <returns>The copy.</returns>
    public TaskRefStatus DeepClone() => new()
    {
        State = State,
        Result = Result,
        Reason = Reason,
        Message = Message,
        UnknownFields = CloneUnknownFields(),
    };
}
