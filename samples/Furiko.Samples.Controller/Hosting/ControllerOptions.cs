using Furiko.Samples.Controller.Leadership;

namespace Furiko.Samples.Controller.Hosting;

/// <summary>
/// Settings of the sample controller, bound from the configuration section <c>Controller</c> (appsettings.json,
/// environment variables such as <c>Controller__Workers</c>, command line). Not thread-safe while being filled in;
/// read-only once the host has started.
/// </summary>
internal sealed class ControllerOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Controller";

    /// <summary>The namespace whose Jobs are reconciled; empty or absent for every namespace.</summary>
    public string? Namespace { get; set; }

    /// <summary>How many Jobs are reconciled at once, at most (at least 1). Default 4.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>The wait before retrying a Job whose reconcile failed once; doubled for each failure in a row. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between retries of a failing Job. Default 5 min.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Leader election through a Lease, so that only one replica works at a time.</summary>
    public LeaderElectionOptions LeaderElection { get; set; } = new();

    /// <summary>The namespace to watch, or <see langword="null"/> for all.</summary>
    public string? WatchedNamespace => string.IsNullOrWhiteSpace(Namespace) ? null : Namespace;
}
