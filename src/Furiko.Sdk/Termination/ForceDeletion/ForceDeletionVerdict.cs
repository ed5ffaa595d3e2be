namespace Furiko.Sdk.Termination.ForceDeletion;

/// <summary>What an <see cref="IForceDeletionPolicy"/> says about a task being deleted.</summary>
public enum ForceDeletionVerdict
{
    /// <summary>Never force: force deletion is disabled (a timeout of 0 in the options).</summary>
    Disabled,

    /// <summary>Never force: the Job forbids it (<c>spec.template.forbidTaskForceDeletion</c>), or the policy declines for good.</summary>
    Forbidden,

    /// <summary>Not yet: force at the decision's deadline if the task is still there, or wait for an event when there is none.</summary>
    NotYet,

    /// <summary>Force-delete the task now (grace period 0).</summary>
    ForceNow,
}
