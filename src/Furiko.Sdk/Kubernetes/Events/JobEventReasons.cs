namespace Furiko.Sdk.Kubernetes;

/// <summary>The reasons of the Events the SDK records on Jobs, spelled as Furiko's controller spells them (FURIKO-SEMANTICS 3, Events).</summary>
public static class JobEventReasons
{
    /// <summary>A task's Pod was deleted gracefully.</summary>
    public const string Deleted = "Deleted";

    /// <summary>A task's Pod was force-deleted (grace period 0).</summary>
    public const string ForceDeleted = "ForceDeleted";
}
