using System.Diagnostics.Metrics;
using Furiko.Sdk.KillRequests;
using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using Furiko.Sdk.Termination;
using Furiko.Sdk.Testing.Emulator;
using k8s;
using k8s.Models;
using NodaTime;
using NodaTime.Testing;

namespace Furiko.Sdk.Testing.Tests.Integration;

/// <summary>
/// An emulated cluster on a fake clock, a real KubernetesClient talking to it in process through a
/// <see cref="WireLog"/>, and the SDK's reconciler and kill request service on the same clock, with retries that
/// barely wait. Dispose it to dispose the client.
/// </summary>
internal sealed class Cluster : IDisposable
{
    public const string Ns = "jobs";

    public static readonly Instant T0 = Instant.FromUtc(2024, 5, 1, 12, 0, 0);

    private Cluster(FakeClock clock, KubernetesEmulator emulator, WireLog wire, k8s.Kubernetes client, JobReconciler reconciler, FurikoKubernetesOptions options)
    {
        Clock = clock;
        Emulator = emulator;
        Wire = wire;
        Client = client;
        Reconciler = reconciler;
        Options = options;
        Jobs = new JobClient(client, options.Retry, TimeProvider.System);
        Kills = new KillRequestService(Jobs, clock);
    }

    public FakeClock Clock { get; }

    public KubernetesEmulator Emulator { get; }

    public WireLog Wire { get; }

    /// <summary>The SDK's client: every request goes through <see cref="Wire"/>.</summary>
    public k8s.Kubernetes Client { get; }

    public JobReconciler Reconciler { get; }

    public FurikoKubernetesOptions Options { get; }

    public JobClient Jobs { get; }

    public KillRequestService Kills { get; }

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Retries that barely wait, so faults cost milliseconds.</summary>
    public static KubernetesRetryOptions FastRetry(int maxAttempts = 3) =>
        new() { MaxAttempts = maxAttempts, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), UseJitter = false };

    public static Cluster Start(
        TerminationOptions? termination = null,
        FurikoKubernetesOptions? options = null,
        IMeterFactory? meters = null,
        KubernetesEmulatorOptions? emulatorOptions = null)
    {
        var clock = new FakeClock(T0);
        var emulator = new KubernetesEmulator(clock, emulatorOptions);
        var wire = new WireLog();
        var client = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = KubernetesEmulator.InProcessHost.ToString().TrimEnd('/') }, wire, emulator.CreateHandler());
        options ??= new FurikoKubernetesOptions { Retry = FastRetry() };
        var reconciler = JobReconciler.Create(client, clock, termination ?? new TerminationOptions { ForceDeleteTaskTimeoutSeconds = 60 }, options, meterFactory: meters);
        return new Cluster(clock, emulator, wire, client, reconciler, options);
    }

    /// <summary>
    /// Seeds a started parallel Job (<c>withCount</c> = the number of nodes) and one running Pod per index, index i
    /// on node i; the nodes named in <paramref name="downNodes"/> are then marked down.
    /// </summary>
    public Job SeedParallelJob(string name, IReadOnlyList<string> nodes, IReadOnlyList<string>? downNodes = null, bool forbidForceDeletion = false, bool withFinalizer = false)
    {
        var job = Emulator.AddJob(new Job
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = Ns,
                Finalizers = withFinalizer ? [FurikoFinalizers.DeleteDependents] : null,
            },
            Spec = new JobSpec
            {
                Type = JobType.Adhoc,
                Template = new JobTemplate
                {
                    Parallelism = new ParallelismSpec { WithCount = nodes.Count },
                    ForbidTaskForceDeletion = forbidForceDeletion ? true : null,
                },
            },
            Status = new JobStatus { StartTime = Clock.GetCurrentInstant() },
        });

        for (var i = 0; i < nodes.Count; i++)
        {
            AddTaskPod(job, new ParallelIndex { IndexNumber = i }, nodes[i], PodName(name, i));
        }

        foreach (var node in downNodes ?? [])
        {
            Emulator.MarkNodeDown(node);
        }

        return job;
    }

    /// <summary>The Pod name of index i: Furiko's name for small indexes; a plain numbered name from 10 on (Furiko's hashes collide, FURIKO-SEMANTICS 7.10).</summary>
    public static string PodName(string jobName, int index) =>
        index < 10 ? TaskNames.For(jobName, new ParallelIndex { IndexNumber = index }, 0) : $"{jobName}-task-{index:000}";

    public V1Pod AddTaskPod(Job job, ParallelIndex index, string node, string name) => Emulator.AddRunningPod(new V1Pod
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = Ns,
            Labels = new Dictionary<string, string>
            {
                [FurikoLabels.JobUid] = job.Metadata.Uid,
                [FurikoLabels.TaskRetryIndex] = "0",
                [FurikoLabels.TaskParallelIndexHash] = ParallelIndexHash.Compute(index),
            },
            Annotations = new Dictionary<string, string> { [FurikoAnnotations.TaskParallelIndex] = ParallelIndexAnnotation.Format(index) },
            OwnerReferences =
            [
                new V1OwnerReference
                {
                    ApiVersion = FurikoApi.GroupVersion, Kind = FurikoApi.JobKind, Name = job.Metadata.Name, Uid = job.Metadata.Uid,
                    Controller = true, BlockOwnerDeletion = true,
                },
            ],
        },
        Spec = new V1PodSpec
        {
            NodeName = node,
            TerminationGracePeriodSeconds = 30,
            Containers = [new V1Container { Name = "main", Image = "busybox" }],
        },
    });

    public Task<Job> GetJobAsync(string name) => Jobs.GetAsync(Ns, name, Token);

    public async Task<IReadOnlyList<V1Pod>> PodsAsync() => (await Client.CoreV1.ListNamespacedPodAsync(Ns, cancellationToken: Token)).Items.ToList();

    public async Task<IReadOnlyList<Corev1Event>> EventsAsync() => (await Client.CoreV1.ListNamespacedEventAsync(Ns, cancellationToken: Token)).Items.ToList();

    public Task<JobReconcileResult> ReconcileAsync(string name) => Reconciler.ReconcileAsync(Ns, name, Token);

    /// <summary>Reconciles, then advances the clock by <paramref name="step"/>, until the Job's phase is <paramref name="phase"/> or <paramref name="until"/> passes.</summary>
    public Task<List<JobReconcileResult>> ReconcileUntilAsync(string name, JobPhase phase, Duration step, Instant until) =>
        ReconcileUntilAsync(name, result => result.Phase == phase, step, until);

    /// <summary>Reconciles, then advances the clock by <paramref name="step"/>, until <paramref name="done"/> or <paramref name="until"/> passes.</summary>
    public async Task<List<JobReconcileResult>> ReconcileUntilAsync(string name, Func<JobReconcileResult, bool> done, Duration step, Instant until)
    {
        var results = new List<JobReconcileResult>();
        while (true)
        {
            var result = await ReconcileAsync(name);
            results.Add(result);
            if (done(result) || Clock.GetCurrentInstant() >= until)
            {
                return results;
            }

            Clock.Advance(step);
        }
    }

    /// <summary>Graceful and forced DELETEs that the emulator accepted, per Pod UID (taken from the precondition).</summary>
    public Dictionary<string, (int Graceful, int Forced)> AcceptedDeletesByUid()
    {
        var counts = new Dictionary<string, (int Graceful, int Forced)>(StringComparer.Ordinal);
        foreach (var delete in Wire.PodDeletes.Where(d => d.Succeeded))
        {
            var uid = delete.PreconditionUid ?? throw new InvalidOperationException($"DELETE {delete.Path} carried no UID precondition.");
            var (graceful, forced) = counts.GetValueOrDefault(uid);
            counts[uid] = delete.IsForced ? (graceful, forced + 1) : (graceful + 1, forced);
        }

        return counts;
    }

    public void Dispose() => Client.Dispose();
}
