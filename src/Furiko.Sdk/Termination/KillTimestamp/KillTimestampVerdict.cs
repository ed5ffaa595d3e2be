namespace Furiko.Sdk.Termination.KillTimestamp;

/// <summary>What a <see cref="IKillTimestampEvaluator"/> says about a Job's <c>spec.killTimestamp</c>.</summary>
public enum KillTimestampVerdict
{
    /// <summary>No kill is requested: <c>spec.killTimestamp</c> is unset.</summary>
    NotRequested,

    /// <summary>A kill is requested for a later time; look again then (FURIKO-SEMANTICS 7.1).</summary>
    Scheduled,

    /// <summary>The kill time has come (<c>killTimestamp &lt;= now</c>): kill the Job's unfinished tasks.</summary>
    Due,
}
