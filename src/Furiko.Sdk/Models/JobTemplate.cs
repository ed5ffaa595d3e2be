using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Models;

/// <summary>
/// How a Job creates its tasks, and the limits that apply to them (<c>spec.template</c> of a Job,
/// <c>spec.template.spec</c> of a JobConfig).
/// </summary>
public sealed class JobTemplate : ExtensibleModel
{
    /// <summary>The template of one task. Required by the schema.</summary>
    [JsonPropertyName("taskTemplate")]
    public TaskTemplate TaskTemplate { get; set; } = new();

    /// <summary>How to run several tasks in parallel; <see langword="null"/> for a single task at a time.</summary>
    [JsonPropertyName("parallelism")]
    public ParallelismSpec? Parallelism { get; set; }

    /// <summary>
    /// How many tasks may be created in all (per parallel index for a parallel Job) before the Job fails;
    /// <see langword="null"/> means 1.
    /// </summary>
    [JsonPropertyName("maxAttempts")]
    public long? MaxAttempts { get; set; }

    /// <summary>
    /// Seconds to wait after a task failed before creating its retry (per index, from that index's last
    /// failure); <see langword="null"/> or 0 retries at once.
    /// </summary>
    [JsonPropertyName("retryDelaySeconds")]
    public long? RetryDelaySeconds { get; set; }

    /// <summary>
    /// Seconds a task may stay pending (not running) before it is killed; 0 disables the timeout for this Job;
    /// <see langword="null"/> means the controller's default (900 s in Furiko).
    /// </summary>
    [JsonPropertyName("taskPendingTimeoutSeconds")]
    public long? TaskPendingTimeoutSeconds { get; set; }

    /// <summary>
    /// When <see langword="true"/>, tasks are never force-deleted: a task on an unresponsive node keeps the Job
    /// in Killing until the node comes back, but two copies of a task can never run at once.
    /// </summary>
    [JsonPropertyName("forbidTaskForceDeletion")]
    public bool? ForbidTaskForceDeletion { get; set; }

    /// <summary>The effective maximum number of attempts: <see cref="MaxAttempts"/>, or 1 when unset.</summary>
    [JsonIgnore]
    public long EffectiveMaxAttempts => MaxAttempts ?? 1;
}
