using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Termination;

namespace Furiko.Sdk.Benchmarks.Kubernetes;

/// <summary>
/// The requests the SDK's reconciler sends to kill the benchmark Job, recorded on the wire during one pass against a
/// fresh <see cref="KillDueCluster"/>: the floor is built from them (the same status bodies), and the data tests
/// compare the floor's requests with them. Immutable.
/// </summary>
public sealed class SdkKillRecording
{
    private SdkKillRecording(IReadOnlyList<WireRequest> requests, JobReconcileResult result)
    {
        Requests = requests;
        Result = result;
    }

    /// <summary>Every request of the pass, in the order sent.</summary>
    public IReadOnlyList<WireRequest> Requests { get; }

    /// <summary>What the pass reported.</summary>
    public JobReconcileResult Result { get; }

    /// <summary>The bodies of the Job status writes, in the order sent (the tombstones first, then the final status).</summary>
    public IReadOnlyList<string> StatusBodies =>
        [.. Requests.Where(r => r.Method == "PUT" && r.Path.EndsWith("/status", StringComparison.Ordinal)).Select(r => r.Body)];

    /// <summary>Runs one reconcile of a fresh cluster's Job and records what it sent.</summary>
    /// <param name="taskCount">How many tasks the Job has.</param>
    /// <param name="termination">The termination settings the reconciler runs with.</param>
    /// <returns>The recording.</returns>
    public static async Task<SdkKillRecording> RecordAsync(int taskCount, TerminationOptions termination)
    {
        using var recorder = new WireRecorder();
        await using var cluster = await KillDueCluster.StartAsync(taskCount, recorder).ConfigureAwait(false);
        var reconciler = JobReconciler.Create(cluster.Client, cluster.Clock, termination);
        var result = await reconciler.ReconcileAsync(cluster.Job.Metadata.NamespaceProperty, cluster.Job.Metadata.Name).ConfigureAwait(false);
        return new SdkKillRecording(recorder.Requests, result);
    }
}
