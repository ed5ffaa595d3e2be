using BenchmarkDotNet.Attributes;
using Furiko.Sdk.Benchmarks.Data;
using Furiko.Sdk.Benchmarks.Floors;
using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using k8s.Models;

namespace Furiko.Sdk.Benchmarks.Status;

/// <summary>
/// Deriving the whole status of a running 1,000-way parallel Job whose 1,000 tasks are already in
/// <c>status.tasks</c>: from live tasks (target within 5x of <see cref="TaskVisitFloor"/>) and, for information,
/// from the 1,000 Pods themselves (selecting the Job's Pods and reading each as a task first).
/// </summary>
[MemoryDiagnoser]
public class JobStatusDerivationBenchmarks
{
    /// <summary>How many tasks (and Pods) the Job has.</summary>
    public const int TaskCount = 1_000;

    private IReadOnlyList<ObservedTask> _tasks = [];
    private V1Pod[] _pods = [];
    private Job _job = new();

    /// <summary>Builds the tasks, their Pods and the Job.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _tasks = BenchmarkTasks.Running(TaskCount);
        _pods = BenchmarkPods.Running(TaskCount);
        _job = BenchmarkJobs.NothingDue(_tasks);
    }

    /// <summary>The floor: every task visited once, the fields a decision needs read.</summary>
    /// <returns>A checksum of what was read.</returns>
    [Benchmark(Baseline = true)]
    public long Floor() => TaskVisitFloor.Visit(_tasks);

    /// <summary><c>JobStatusDeriver.Derive</c> from the live tasks.</summary>
    /// <returns>The new status.</returns>
    [Benchmark]
    public JobStatus Derive() => JobStatusDeriver.Derive(_job, _tasks, BenchmarkClock.Now);

    /// <summary><c>JobStatusDeriver.DeriveFromPods</c> from the Pods (information only: no target).</summary>
    /// <returns>The new status.</returns>
    [Benchmark]
    public JobStatus DeriveFromPods() => JobStatusDeriver.DeriveFromPods(_job, _pods, BenchmarkClock.Now);
}
