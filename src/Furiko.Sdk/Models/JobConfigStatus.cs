using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;
using NodaTime;

namespace Furiko.Sdk.Models;

/// <summary>What the controller observed of a <see cref="JobConfig"/> (<c>status</c>).</summary>
public sealed class JobConfigStatus : ExtensibleModel
{
    /// <summary>The JobConfig's high-level state. Required by the schema.</summary>
    [JsonPropertyName("state")]
    public JobConfigState State { get; set; }

    /// <summary>How many of its Jobs are queued (not started).</summary>
    [JsonPropertyName("queued")]
    public long? Queued { get; set; }

    /// <summary>The queued Jobs.</summary>
    [JsonPropertyName("queuedJobs")]
    public IList<JobReference>? QueuedJobs { get; set; }

    /// <summary>How many of its Jobs are active (started and not finished).</summary>
    [JsonPropertyName("active")]
    public long? Active { get; set; }

    /// <summary>The active Jobs.</summary>
    [JsonPropertyName("activeJobs")]
    public IList<JobReference>? ActiveJobs { get; set; }

    /// <summary>The last time a Job was scheduled, kept so schedules missed while the controller was down can be back-filled.</summary>
    [JsonPropertyName("lastScheduled")]
    [JsonConverter(typeof(InstantJsonConverter))]
    public Instant? LastScheduled { get; set; }

    /// <summary>The last time a Job of this JobConfig was started, scheduled or ad hoc.</summary>
    [JsonPropertyName("lastExecuted")]
    [JsonConverter(typeof(InstantJsonConverter))]
    public Instant? LastExecuted { get; set; }
}

/// <summary>A pointer to one Job of a JobConfig (<c>status.queuedJobs[]</c>, <c>status.activeJobs[]</c>).</summary>
public sealed class JobReference : ExtensibleModel
{
    /// <summary>The Job's UID.</summary>
    [JsonPropertyName("uid")]
    public string Uid { get; set; } = string.Empty;

    /// <summary>The Job's name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    /// <summary>When the Job was created.</summary>
    [JsonPropertyName("creationTimestamp")]
    [JsonConverter(typeof(InstantJsonConverter))]
    public Instant? CreationTimestamp { get; set; }

    /// <summary>The Job's phase.</summary>
    [JsonPropertyName("phase")]
    public JobPhase Phase { get; set; }

    /// <summary>When the Job started, if it has.</summary>
    [JsonPropertyName("startTime")]
    [JsonConverter(typeof(InstantJsonConverter))]
    public Instant? StartTime { get; set; }
}
