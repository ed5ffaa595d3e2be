using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;
using NodaTime;

namespace Furiko.Sdk.Models;

/// <summary>What the controller observed of a <see cref="Job"/> (<c>status</c>).</summary>
public sealed class JobStatus : ExtensibleModel
{
    /// <summary>The high-level phase (Queued, Running, Killing, Killed, ...).</summary>
    [JsonPropertyName("phase")]
    public JobPhase Phase { get; set; }

    /// <summary>The simplified state, which follows <see cref="Condition"/>: Queued, Waiting, Running or Finished.</summary>
    [JsonPropertyName("state")]
    public JobState State { get; set; }

    /// <summary>The current condition; exactly one of its members is set.</summary>
    [JsonPropertyName("condition")]
    public JobCondition Condition { get; set; } = new();

    /// <summary>When the controller started the Job; <see langword="null"/> while it is queued. Never changes once set.</summary>
    [JsonPropertyName("startTime")]
    [JsonConverter(typeof(InstantJsonConverter))]
    public Instant? StartTime { get; set; }

    /// <summary>How many tasks were created in all (the number of entries in <see cref="Tasks"/>).</summary>
    [JsonPropertyName("createdTasks")]
    public long CreatedTasks { get; set; }

    /// <summary>How many tasks are running now: started and not finished (tasks being killed included).</summary>
    [JsonPropertyName("runningTasks")]
    public long RunningTasks { get; set; }

    /// <summary>
    /// Every task the controller created, sorted by creation time then name. Entries outlive their Pods: a
    /// deleted task keeps its last status here.
    /// </summary>
    [JsonPropertyName("tasks")]
    public IList<TaskRef>? Tasks { get; set; }

    /// <summary>Per-index status of a parallel Job; <see langword="null"/> for a Job without parallelism.</summary>
    [JsonPropertyName("parallelStatus")]
    public ParallelStatus? ParallelStatus { get; set; }
}
