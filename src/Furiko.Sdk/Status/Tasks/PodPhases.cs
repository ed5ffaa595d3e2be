namespace Furiko.Sdk.Status;

/// <summary>The Kubernetes Pod phases the task rules look at (<c>status.phase</c>; compared ordinally, as Furiko does).</summary>
internal static class PodPhases
{
    /// <summary>Accepted by the cluster, not all containers running yet.</summary>
    public const string Pending = "Pending";

    /// <summary>Bound to a node and at least one container running.</summary>
    public const string Running = "Running";

    /// <summary>All containers terminated successfully and will not restart.</summary>
    public const string Succeeded = "Succeeded";

    /// <summary>All containers terminated, at least one in failure.</summary>
    public const string Failed = "Failed";
}
