namespace Furiko.Samples.Controller.Leadership;

/// <summary>
/// Settings of the leader election (section <c>Controller:LeaderElection</c>): which Lease, who this replica is, and
/// the timings of KubernetesClient's <c>LeaderElector</c>. Its timings run on real time, whatever clock the rest uses.
/// Not thread-safe while being filled in; read-only once the host has started.
/// </summary>
internal sealed class LeaderElectionOptions
{
    /// <summary>The Lease's name (<c>coordination.k8s.io/v1</c>). Default <c>furiko-sample-controller</c>.</summary>
    public string LeaseName { get; set; } = "furiko-sample-controller";

    /// <summary>
    /// The Lease's namespace. Empty or absent: the environment variable <c>POD_NAMESPACE</c> (the Deployment sets it from
    /// the downward API), else <c>default</c>.
    /// </summary>
    public string? LeaseNamespace { get; set; }

    /// <summary>
    /// This replica's name in the Lease. Empty or absent: <c>POD_NAME</c>, else <c>HOSTNAME</c> (a Pod's host name is
    /// its name), else <c>furiko-sample-controller-</c> and a random suffix. Every replica needs its own.
    /// </summary>
    public string? Identity { get; set; }

    /// <summary>How long a Lease not renewed keeps others from taking it over. Default 15 s.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps trying to renew before it gives up leading (less than <see cref="LeaseDuration"/>). Default 10 s.</summary>
    public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait between attempts to acquire or renew (well under <see cref="RenewDeadline"/>). Default 2 s.</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Whether a leader that shuts down gives the Lease up (clears its holder), so that another replica takes over
    /// after one <see cref="RetryPeriod"/> instead of waiting out <see cref="LeaseDuration"/>. Default true.
    /// </summary>
    public bool ReleaseOnShutdown { get; set; } = true;
}
