using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;
using NodaTime;

namespace Furiko.Sdk.Models;

/// <summary>
/// What a Job remembers of one of its tasks (<c>status.tasks[]</c>). It outlives the Pod: once the Pod is
/// gone, <see cref="DeletedStatus"/> (the tombstone) becomes its <see cref="Status"/>.
/// </summary>
public sealed class TaskRef : ExtensibleModel
{
    /// <summary>The task's (Pod's) name, in the Job's namespace: <c>&lt;job&gt;-&lt;indexHash&gt;-&lt;retryIndex&gt;</c>.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    /// <summary>When the task was created.</summary>
    [JsonPropertyName("creationTimestamp")]
    [JsonConverter(typeof(InstantJsonConverter))]
    public Instant? CreationTimestamp { get; set; }

    /// <summary>When the task was first seen running; <see langword="null"/> if never.</summary>
    [JsonPropertyName("runningTimestamp")]
    [JsonConverter(typeof(InstantJsonConverter))]
    public Instant? RunningTimestamp { get; set; }

    /// <summary>When the task finished; always set once it has.</summary>
    [JsonPropertyName("finishTimestamp")]
    [JsonConverter(typeof(InstantJsonConverter))]
    public Instant? FinishTimestamp { get; set; }

    /// <summary>Which attempt this task is, from 0 to maxAttempts - 1.</summary>
    [JsonPropertyName("retryIndex")]
    public long RetryIndex { get; set; }

    /// <summary>The task's parallel index; <see langword="null"/> for a Job without parallelism.</summary>
    [JsonPropertyName("parallelIndex")]
    public ParallelIndex? ParallelIndex { get; set; }

    /// <summary>The task's last known status, taken from the Pod while it exists.</summary>
    [JsonPropertyName("status")]
    public TaskRefStatus Status { get; set; } = new();

    /// <summary>
    /// The tombstone: the status the task takes once its Pod is gone. Written by the controller before it
    /// deletes a task; <see langword="null"/> when none was written.
    /// </summary>
    [JsonPropertyName("deletedStatus")]
    public TaskRefStatus? DeletedStatus { get; set; }

    /// <summary>The node the task was bound to; <see langword="null"/> if it never was scheduled.</summary>
    [JsonPropertyName("nodeName")]
    public string? NodeName { get; set; }

    /// <summary>The last known state of each container of the task.</summary>
    [JsonPropertyName("containerStates")]
    public IList<TaskContainerState>? ContainerStates { get; set; }

    /// <summary>A deep copy, unknown fields included.</summary>
    /// <returns>The copy.</returns>
    public TaskRef DeepClone() => new()
    {
        Name = Name,
        CreationTimestamp = CreationTimestamp,
        RunningTimestamp = RunningTimestamp,
        FinishTimestamp = FinishTimestamp,
        RetryIndex = RetryIndex,
        ParallelIndex = ParallelIndex?.DeepClone(),
        Status = Status.DeepClone(),
        DeletedStatus = DeletedStatus?.DeepClone(),
        NodeName = NodeName,
        ContainerStates = ContainerStates?.Select(state => state.DeepClone()).ToList(),
        UnknownFields = CloneUnknownFields(),
    };
}
