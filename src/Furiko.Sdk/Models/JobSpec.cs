using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;
using NodaTime;

namespace Furiko.Sdk.Models;

/// <summary>The desired state of a <see cref="Job"/> (<c>spec</c>).</summary>
public sealed class JobSpec : ExtensibleModel
{
    /// <summary>
    /// Name of a JobConfig in the same namespace to create the Job from. Write-only: the API server never
    /// returns it; look up the parent JobConfig through the owner references instead.
    /// </summary>
    [JsonPropertyName("configName")]
    public string? ConfigName { get; set; }

    /// <summary>How the Job was created: <see cref="JobType.Adhoc"/> (the default) or <see cref="JobType.Scheduled"/>.</summary>
    [JsonPropertyName("type")]
    public JobType? Type { get; set; }

    /// <summary>Conditions that must hold before the Job starts; <see langword="null"/> for none.</summary>
    [JsonPropertyName("startPolicy")]
    public StartPolicySpec? StartPolicy { get; set; }

    /// <summary>How to create the Job's tasks; filled from the JobConfig when <see cref="ConfigName"/> is used.</summary>
    [JsonPropertyName("template")]
    public JobTemplate? Template { get; set; }

    /// <summary>
    /// Values for the JobConfig's options, as a JSON or YAML document in a string (option name to value).
    /// Cannot be changed after creation.
    /// </summary>
    [JsonPropertyName("optionValues")]
    public string? OptionValues { get; set; }

    /// <summary>
    /// Context variables to substitute into the task template (full variable name, such as <c>ctx.name</c>, to
    /// value). They win over predefined variables and option values. Cannot be changed after creation.
    /// </summary>
    [JsonPropertyName("substitutions")]
    public IDictionary<string, string>? Substitutions { get; set; }

    /// <summary>
    /// When to start killing the Job; <see langword="null"/> when no kill is requested. Once this time has
    /// passed the controller deletes all unfinished tasks, and the value can no longer be changed.
    /// Setting it at all, even in the future, stops the creation of new tasks and retries.
    /// </summary>
    [JsonPropertyName("killTimestamp")]
    [JsonConverter(typeof(InstantJsonConverter))]
    public Instant? KillTimestamp { get; set; }

    /// <summary>
    /// How long a finished Job is kept before it is deleted, in seconds from its finish time; <see langword="null"/>
    /// means the controller's default (3600 s in Furiko).
    /// </summary>
    [JsonPropertyName("ttlSecondsAfterFinished")]
    public long? TtlSecondsAfterFinished { get; set; }
}
