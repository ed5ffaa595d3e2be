namespace Furiko.Sdk.KillRequests;

/// <summary>The rule that refused a kill request (FURIKO-SEMANTICS 5.6, 5.7 and 7.6).</summary>
public enum KillRequestRule
{
    /// <summary>Both an instant and a duration were given.</summary>
    AtAndAfterTogether,

    /// <summary>The kill time is strictly before now.</summary>
    TimeInThePast,

    /// <summary>The Job has already finished and finished Jobs were not allowed.</summary>
    JobFinished,

    /// <summary>The Job already has a kill time and no override was asked for.</summary>
    KillTimeAlreadySet,

    /// <summary>The Job's kill time has passed: it cannot be changed or cleared (the validating webhook's rule).</summary>
    KillTimeImmutableOncePassed,
}
