namespace Furiko.Sdk.Termination;

/// <summary>
/// Settings of the termination engine, the controller-wide values of Furiko's configuration
/// (FURIKO-SEMANTICS 2). Bound from the configuration section <see cref="SectionName"/> and validated at
/// start-up by <see cref="TerminationOptionsValidator"/>. A plain mutable settings object: not thread-safe while
/// being configured; read-only afterwards.
/// </summary>
public sealed class TerminationOptions
{
    /// <summary>The configuration section the options are bound from: <c>Furiko:Termination</c>.</summary>
    public const string SectionName = "Furiko:Termination";

    /// <summary>
    /// The largest timeout accepted, in seconds: 3,153,600,000 (100 years of 365 days). Larger values would
    /// mean "never" in practice, and keep deadline arithmetic far away from the end of time.
    /// </summary>
    public const long MaxTimeoutSeconds = 100L * 365 * 24 * 60 * 60;

    /// <summary>
    /// Seconds from a task Pod's <c>deletionTimestamp</c> after which the Pod is force-deleted (grace period 0),
    /// unless its Job sets <c>spec.template.forbidTaskForceDeletion</c>. 0 disables force deletion everywhere.
    /// Default 900 (15 minutes), as in Furiko. Must be between 0 and <see cref="MaxTimeoutSeconds"/>.
    /// </summary>
    public long ForceDeleteTaskTimeoutSeconds { get; set; } = 900;

    /// <summary>
    /// Seconds a task may stay pending (created, not running, not finished) before it is killed, for Jobs without
    /// their own <c>spec.template.taskPendingTimeoutSeconds</c> (or with a negative one). 0 disables the pending
    /// timeout for those Jobs. Default 900 (15 minutes), as in Furiko. Must be between 0 and <see cref="MaxTimeoutSeconds"/>.
    /// </summary>
    public long DefaultPendingTimeoutSeconds { get; set; } = 900;

    /// <summary>
    /// How many task deletions the engine sends at once for one Job. Default 8. Must be at least 1.
    /// </summary>
    public int MaxConcurrentDeletes { get; set; } = 8;
}
