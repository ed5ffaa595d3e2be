using BenchmarkDotNet.Attributes;
using Furiko.Sdk.Benchmarks.Data;
using Furiko.Sdk.Benchmarks.Floors;
using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Termination;
using NodaTime.Testing;

namespace Furiko.Sdk.Benchmarks.Kubernetes;

/// <summary>
/// Killing a running 1,000-task Job against the in-memory emulator over loopback HTTP: one pass of the SDK's
/// <see cref="JobReconciler"/> (read, derive, tombstones, 1,000 graceful deletes, 1,000 Events, read again, final
/// status) against <see cref="KillRequestFloor"/>, which sends the same requests with the same bodies straight through
/// KubernetesClient at the same concurrency (<see cref="TerminationOptions.MaxConcurrentDeletes"/>). Target: within
/// 1.3x of the floor. For information, the floor without the SDK's second read of the Job and its Pods.
/// </summary>
/// <remarks>
/// The emulator runs in a child process (<see cref="EmulatorHostProcess"/>), which seeds a fresh
/// <see cref="KillDueCluster"/> before every iteration, so that times and allocations measured here are the client's
/// own, as for a controller beside a real API server: in one process, whichever side allocated past the young
/// generation's budget paid for a collection walking the emulator's objects (76 to 101 ms of a 440 to 555 ms pass).
/// </remarks>
[Config(typeof(EmulatorKillConfig))]
[InvocationCount(1)]
[MemoryDiagnoser]
public class EmulatorKillBenchmarks
{
    /// <summary>How many tasks the Job has.</summary>
    public const int TaskCount = 1_000;

    private readonly TerminationOptions _termination = new();
    private EmulatorHostProcess? _host;
    private KillRequestFloor? _floor;
    private KillRequestFloor? _floorWithoutSecondRead;
    private k8s.Kubernetes? _client;
    private JobReconciler? _reconciler;

    /// <summary>What one SDK pass sent, recorded by <see cref="Setup"/>; the floors send the same status bodies.</summary>
    public SdkKillRecording? Recording { get; private set; }

    private k8s.Kubernetes Client => _client ?? throw new InvalidOperationException("No cluster: call SeedCluster first.");

    /// <summary>
    /// Records one SDK pass on an in-process scratch cluster (which also warms up both paths), builds the floors from it,
    /// and starts the emulator host.
    /// </summary>
    [GlobalSetup]
    public void Setup()
    {
        Recording = SdkKillRecording.RecordAsync(TaskCount, _termination).GetAwaiter().GetResult();
        var bodies = Recording.StatusBodies;
        _floor = new KillRequestFloor(bodies[0], bodies[^1], _termination.MaxConcurrentDeletes, readAgain: true);
        _floorWithoutSecondRead = new KillRequestFloor(bodies[0], bodies[^1], _termination.MaxConcurrentDeletes, readAgain: false);
        _host = EmulatorHostProcess.Start();
    }

    /// <summary>Stops the emulator host.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _host?.Dispose();
        _host = null;
    }

    /// <summary>Has the host seed a fresh cluster for the next kill, and connects to it (not measured).</summary>
    [IterationSetup]
    public void SeedCluster()
    {
        _client = _host!.SeedAsync(TaskCount).GetAwaiter().GetResult();
        _reconciler = JobReconciler.Create(_client, new FakeClock(BenchmarkClock.Now), _termination);
    }

    /// <summary>Disconnects from the iteration's cluster (not measured).</summary>
    [IterationCleanup]
    public void Disconnect()
    {
        _client?.Dispose();
        _client = null;
    }

    /// <summary>The floor: the SDK's requests, the same bodies, sent directly.</summary>
    /// <returns>How many Pods were deleted.</returns>
    [Benchmark(Baseline = true)]
    public Task<int> Floor() =>
        _floor!.KillAsync(Client, BenchmarkJobs.Namespace, BenchmarkTasks.JobName, BenchmarkClock.Now.ToDateTimeUtc());

    /// <summary>Information: the floor without the second read of the Job and its Pods (3 requests fewer).</summary>
    /// <returns>How many Pods were deleted.</returns>
    [Benchmark]
    public Task<int> FloorWithoutSecondRead() =>
        _floorWithoutSecondRead!.KillAsync(Client, BenchmarkJobs.Namespace, BenchmarkTasks.JobName, BenchmarkClock.Now.ToDateTimeUtc());

    /// <summary>One reconcile by the SDK, which kills the Job.</summary>
    /// <returns>What the pass did.</returns>
    [Benchmark]
    public Task<JobReconcileResult> Reconcile() =>
        _reconciler!.ReconcileAsync(BenchmarkJobs.Namespace, BenchmarkTasks.JobName);
}
