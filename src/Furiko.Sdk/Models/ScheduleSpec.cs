using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;
using NodaTime;

namespace Furiko.Sdk.Models;

/// <summary>When a JobConfig creates Jobs automatically (<c>spec.schedule</c>).</summary>
public sealed class ScheduleSpec : ExtensibleModel
{
    /// <summary>A schedule given by cron expressions.</summary>
    [JsonPropertyName("cron")]
    public CronSchedule? Cron { get; set; }

    /// <summary>When <see langword="true"/>, automatic scheduling is turned off.</summary>
    [JsonPropertyName("disabled")]
    public bool? Disabled { get; set; }

    /// <summary>Limits on the times that may be scheduled.</summary>
    [JsonPropertyName("constraints")]
    public ScheduleConstraints? Constraints { get; set; }

    /// <summary>When the schedule was last changed; no schedule before this time is back-filled.</summary>
    [JsonPropertyName("lastUpdated")]
    [JsonConverter(typeof(InstantJsonConverter))]
    public Instant? LastUpdated { get; set; }
}

/// <summary>A schedule given by cron expressions (<c>spec.schedule.cron</c>).</summary>
public sealed class CronSchedule : ExtensibleModel
{
    /// <summary>One cron expression of 5 to 7 fields, for example <c>0 */5 * * *</c>; <c>H</c> spreads by hash.</summary>
    [JsonPropertyName("expression")]
    public string? Expression { get; set; }

    /// <summary>Several cron expressions; a time matching any of them is scheduled.</summary>
    [JsonPropertyName("expressions")]
    public IList<string>? Expressions { get; set; }

    /// <summary>
    /// The time zone the expressions are read in: a tz name (<c>Asia/Singapore</c>) or an offset
    /// (<c>UTC-10:00</c>, <c>GMT+05:30</c>); <see langword="null"/> for the controller's default.
    /// </summary>
    [JsonPropertyName("timezone")]
    public string? Timezone { get; set; }
}

/// <summary>Limits on what a schedule may create (<c>spec.schedule.constraints</c>).</summary>
public sealed class ScheduleConstraints : ExtensibleModel
{
    /// <summary>Nothing is scheduled before this time.</summary>
    [JsonPropertyName("notBefore")]
    [JsonConverter(typeof(InstantJsonConverter))]
    public Instant? NotBefore { get; set; }

    /// <summary>Nothing is scheduled after this time.</summary>
    [JsonPropertyName("notAfter")]
    [JsonConverter(typeof(InstantJsonConverter))]
    public Instant? NotAfter { get; set; }
}
