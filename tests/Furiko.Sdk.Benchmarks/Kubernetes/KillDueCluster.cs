using Furiko.Sdk.Benchmarks.Data;
using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using Furiko.Sdk.Testing.Emulator;
using k8s.Models;
using NodaTime;
using NodaTime.Testing;

namespace Furiko.Sdk.Benchmarks.Kubernetes;

/// <summary>
/// A fresh emulated cluster holding one running parallel Job of N tasks whose kill is due, served over loopback HTTP,
/// with a KubernetesClient pointed at it. Every instance is seeded the same way (the emulator's names and UIDs come
/// from a fixed seed), so each measured kill starts from the same state. Dispose it to stop the client and the server.
/// Not thread-safe to build; the client and the emulator are.
/// </summary>
public sealed class KillDueCluster : IAsyncDisposable
{
    /// <summary>When the Job's kill was requested: one minute before <see cref="BenchmarkClock.Now"/>, as in <see cref="BenchmarkJobs.KillDue"/>.</summary>
    public static readonly Instant KillAt = BenchmarkClock.Now - Duration.FromMinutes(1);

    private KillDueCluster(FakeClock clock, KubernetesEmulator emulator, KubernetesEmulatorServer server, k8s.Kubernetes client, Job job)
    {
        Clock = clock;
        Emulator = emulator;
        Server = server;
        Client = client;
        Job = job;
    }

    /// <summary>
    /// The cluster's clock: frozen at <see cref="BenchmarkClock.Now"/>, past <see cref="KillAt"/>, so one pass deletes every
    /// task gracefully and the simulated kubelets (which stop a Pod one second after its delete) never act.
    /// </summary>
    public FakeClock Clock { get; }

    /// <summary>The emulator; its request log starts empty once the cluster is seeded.</summary>
    public KubernetesEmulator Emulator { get; }

    /// <summary>The emulator's HTTP server on 127.0.0.1.</summary>
    public KubernetesEmulatorServer Server { get; }

    /// <summary>A KubernetesClient talking to <see cref="Server"/> over loopback HTTP (with the handlers given at start, if any).</summary>
    public k8s.Kubernetes Client { get; }

    /// <summary>The Job as seeded: running, <c>spec.killTimestamp</c> at <see cref="KillAt"/>, its tasks stored in <c>status.tasks</c>.</summary>
    public Job Job { get; }

    /// <summary>
    /// Seeds a new emulator with the Job and <paramref name="taskCount"/> running Pods (20 nodes), stores the status a
    /// previous pass would have left (every task running), freezes the clock past the kill time, and starts serving.
    /// </summary>
    /// <param name="taskCount">How many tasks (Pods) the Job has.</param>
    /// <param name="handlers">Handlers the client sends its requests through (for example a <see cref="WireRecorder"/>).</param>
    /// <returns>The running cluster.</returns>
    public static async Task<KillDueCluster> StartAsync(int taskCount, params DelegatingHandler[] handlers)
    {
        var clock = new FakeClock(BenchmarkClock.JobStart);
        var emulator = new KubernetesEmulator(clock);
        var job = emulator.AddJob(NewJob(taskCount));
        var pods = new List<V1Pod>(taskCount);
        foreach (var pod in BenchmarkPods.Running(taskCount))
        {
            pod.Metadata.Labels[FurikoLabels.JobUid] = job.Metadata.Uid;
            pod.Metadata.OwnerReferences[0].Uid = job.Metadata.Uid;
            pods.Add(emulator.AddRunningPod(pod));
        }

        // The status an earlier pass stored, a few seconds after the tasks started: the kill finds its tasks listed.
        using (var seeding = emulator.CreateClient())
        {
            job.Status = JobStatusDeriver.DeriveFromPods(job, pods, BenchmarkClock.JobStart + Duration.FromSeconds(10));
            job = await new JobClient(seeding).ReplaceStatusAsync(job).ConfigureAwait(false);
        }

        clock.Reset(BenchmarkClock.Now);
        var server = await emulator.StartServerAsync().ConfigureAwait(false);
        var client = new k8s.Kubernetes(server.CreateClientConfiguration(), handlers);
        emulator.ClearRequestLog();
        return new KillDueCluster(clock, emulator, server, client, job);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync().ConfigureAwait(false);
    }

    private static Job NewJob(int taskCount)
    {
        var job = BenchmarkJobs.KillDue(BenchmarkTasks.Running(taskCount));
        job.Metadata.Uid = null;
        job.Status!.Tasks = null;
        job.Status.ParallelStatus = null;
        return job;
    }
}
