using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;
using NodaTime;

namespace Furiko.Sdk.Models;

/// <summary>
/// The current condition of a Job (<c>status.condition</c>). Exactly one member is set; when none is, the Job
/// counts as queueing.
/// </summary>
public sealed class JobCondition : ExtensibleModel
{
    /// <summary>Set while the Job has not started.</summary>
    [JsonPropertyName("queueing")]
    public JobConditionQueueing? Queueing { get; set; }

    /// <summary>Set while the Job waits for tasks to be created, to start running, or to be deleted.</summary>
    [JsonPropertyName("waiting")]
    public JobConditionWaiting? Waiting { get; set; }

    /// <summary>Set while all tasks have started and the Job is not finished (also while completing tasks terminate).</summary>
    [JsonPropertyName("running")]
    public JobConditionRunning? Running { get; set; }

    /// <summary>Set once the Job has finished: every task has terminated.</summary>
    [JsonPropertyName("finished")]
    public JobConditionFinished? Finished { get; set; }
}

/// <summary>The condition of a Job that has not started (<c>status.condition.queueing</c>).</summary>
public sealed class JobConditionQueueing : ExtensibleModel
{
    /// <summary>One CamelCase word saying why, for example <c>NotYetDue</c> or <c>Queued</c>.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    /// <summary>A sentence for people.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }
}

/// <summary>The condition of a started Job that waits for its tasks (<c>status.condition.waiting</c>).</summary>
public sealed class JobConditionWaiting : ExtensibleModel
{
    /// <summary>One CamelCase word saying what it waits for, for example <c>DeletingTasks</c> or <c>PendingCreation</c>.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    /// <summary>A sentence for people, for example <c>Waiting for 1 out of 3 task(s) to be deleted</c>.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }
}

/// <summary>The condition of a running Job (<c>status.condition.running</c>).</summary>
public sealed class JobConditionRunning : ExtensibleModel
{
    /// <summary>When the latest task was created. JSON name <c>latestTaskCreationTimestamp</c>.</summary>
    [JsonPropertyName("latestTaskCreationTimestamp")]
    [JsonConverter(typeof(InstantJsonConverter))]
    public Instant? LatestTaskCreationTimestamp { get; set; }

    /// <summary>When the latest task started running.</summary>
    [JsonPropertyName("latestRunningTimestamp")]
    [JsonConverter(typeof(InstantJsonConverter))]
    public Instant? LatestRunningTimestamp { get; set; }

    /// <summary>How many indexes still wait for their tasks to terminate after the Job completed.</summary>
    [JsonPropertyName("terminatingTasks")]
    public long? TerminatingTasks { get; set; }
}

/// <summary>The condition of a finished Job (<c>status.condition.finished</c>).</summary>
public sealed class JobConditionFinished : ExtensibleModel
{
    /// <summary>When the latest task was created; <see langword="null"/> if none ever was.</summary>
    [JsonPropertyName("latestCreationTimestamp")]
    [JsonConverter(typeof(InstantJsonConverter))]
    public Instant? LatestCreationTimestamp { get; set; }

    /// <summary>When the latest task started running; <see langword="null"/> if none ever did.</summary>
    [JsonPropertyName("latestRunningTimestamp")]
    [JsonConverter(typeof(InstantJsonConverter))]
    public Instant? LatestRunningTimestamp { get; set; }

    /// <summary>When the Job finished. JSON name <c>finishTime</c>. Required by the schema.</summary>
    [JsonPropertyName("finishTime")]
    [JsonConverter(typeof(InstantJsonConverter))]
    public Instant? FinishTime { get; set; }

    /// <summary>How the Job ended. Required by the schema.</summary>
    [JsonPropertyName("result")]
    public JobResult Result { get; set; }

    /// <summary>One CamelCase word saying why, for example <c>AdmissionError</c>.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    /// <summary>A sentence for people.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
