using System.Globalization;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// How <see cref="JobStatusWriter"/> writes a Job's status. A plain mutable options object: configure it before
/// use, then do not change it.
/// </summary>
public sealed class JobStatusWriterOptions
{
    /// <summary>The largest <see cref="MaxAttempts"/> accepted.</summary>
    public const int MaxAttemptsLimit = 100;

    /// <summary>
    /// How many times one status write is tried in all when it meets a 409 Conflict (someone changed the Job since
    /// it was read): each retry reads the Job again, applies the pass's tombstones to it and derives the status
    /// anew. From 1 to <see cref="MaxAttemptsLimit"/>; default 5. Transient failures (503, timeouts) are retried
    /// separately, by <see cref="KubernetesRetryOptions"/>, inside each attempt.
    /// </summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Lists every setting that is out of range, each naming the setting, its value and what is allowed.</summary>
    /// <returns>The problems; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate() =>
        MaxAttempts is < 1 or > MaxAttemptsLimit
            ? [string.Create(CultureInfo.InvariantCulture, $"{nameof(MaxAttempts)} is {MaxAttempts}; it must be from 1 to {MaxAttemptsLimit}.")]
            : [];

    /// <summary>A copy, so that a component keeps the settings it was built with.</summary>
    /// <returns>A new options object with the same settings.</returns>
    public JobStatusWriterOptions Clone() => (JobStatusWriterOptions)MemberwiseClone();
}
