using Furiko.Sdk;
using Furiko.Sdk.KillRequests;
using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using Furiko.Sdk.Testing.Emulator;
using k8s;
using k8s.Models;
using NodaTime;
using NodaTime.Testing;

namespace Furiko.Samples.Controller.Tests.Integration;

/// <summary>
/// An emulated cluster on a fake clock (the reconciler's decisions and the emulator's Pod rules follow it; it only
/// moves when a test moves it), with every client's requests in one <see cref="RequestJournal"/>, tagged by who sent
/// them. The test's own requests go through <see cref="Kills"/> and <see cref="Jobs"/>, tagged <see cref="TestSource"/>.
/// Kubelets stop a gracefully deleted Pod at the next request, so a kill finishes without moving the clock.
/// </summary>
internal sealed class TestCluster : IDisposable
{
    public const string Ns = "jobs";
    public const string TestSource = "test";

    public static readonly Instant T0 = Instant.FromUtc(2024, 5, 1, 12, 0, 0);

    private readonly List<IDisposable> _clients = [];

    public TestCluster(int watchHistoryLimit = 1000)
    {
        Emulator = new KubernetesEmulator(Clock, new KubernetesEmulatorOptions { KubeletStopDelay = Duration.Zero, WatchHistoryLimit = watchHistoryLimit });
        var client = CreateClient(TestSource);
        Jobs = new JobClient(client);
        Kills = new KillRequestService(Jobs, Clock);
    }

    public FakeClock Clock { get; } = new(T0);

    public KubernetesEmulator Emulator { get; }

    public RequestJournal Journal { get; } = new();

    public JobClient Jobs { get; }

    public KillRequestService Kills { get; }

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A KubernetesClient talking to the emulator in process, its requests tagged with <paramref name="source"/>.</summary>
    public k8s.Kubernetes CreateClient(string source)
    {
        var client = new k8s.Kubernetes(
            new KubernetesClientConfiguration { Host = KubernetesEmulator.InProcessHost.ToString().TrimEnd('/') },
            Journal.CreateHandler(source),
            Emulator.CreateHandler());
        lock (_clients)
        {
            _clients.Add(client);
        }

        return client;
    }

    /// <summary>
    /// Seeds a started parallel Job with Furiko's finalizer and one running Pod per node (index i on node i), as Furiko
    /// creates them: labelled with the Job's UID and controlled by it.
    /// </summary>
    public Job SeedJob(string name, params string[] nodes) => SeedJob(Emulator, Clock.GetCurrentInstant(), name, nodes);

    /// <summary>Seeds a Job and its Pods as <see cref="SeedJob(string, string[])"/> does, in any emulator, started at <paramref name="startTime"/>.</summary>
    public static Job SeedJob(KubernetesEmulator emulator, Instant startTime, string name, params string[] nodes)
    {
        var job = emulator.AddJob(new Job
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Ns, Finalizers = [FurikoFinalizers.DeleteDependents] },
            Spec = new JobSpec { Type = JobType.Adhoc, Template = new JobTemplate { Parallelism = new ParallelismSpec { WithCount = nodes.Length } } },
            Status = new JobStatus { StartTime = startTime },
        });

        for (var i = 0; i < nodes.Length; i++)
        {
            var index = new ParallelIndex { IndexNumber = i };
            emulator.AddRunningPod(new V1Pod
            {
                Metadata = new V1ObjectMeta
                {
                    Name = PodName(name, i),
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
                            ApiVersion = FurikoApi.GroupVersion, Kind = FurikoApi.JobKind, Name = name, Uid = job.Metadata.Uid, Controller = true, BlockOwnerDeletion = true,
                        },
                    ],
                },
                Spec = new V1PodSpec { NodeName = nodes[i], TerminationGracePeriodSeconds = 30, Containers = [new V1Container { Name = "main", Image = "busybox" }] },
            });
        }

        return job;
    }

    public static string PodName(string jobName, int index) => TaskNames.For(jobName, new ParallelIndex { IndexNumber = index }, 0);

    public Job? Job(string name) => Emulator.Get<Job>(Ns, name);

    public V1Pod? Pod(string name) => Emulator.Get<V1Pod>(Ns, name);

    public V1Lease? Lease(string ns, string name) => Emulator.Get<V1Lease>(ns, name);

    /// <summary>The DELETEs of Pods the emulator accepted, per Pod UID (from the UID precondition every SDK delete carries).</summary>
    public Dictionary<string, List<JournalEntry>> AcceptedPodDeletesByUid() =>
        Journal.Entries
            .Where(e => e.Attributes is { Verb: "delete", Resource: "pods" } && e.Succeeded)
            .GroupBy(e => e.PreconditionUid ?? throw new InvalidOperationException($"{e} carried no UID precondition."))
            .ToDictionary(g => g.Key, g => g.ToList());

    public void Dispose()
    {
        lock (_clients)
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }
        }
    }
}
