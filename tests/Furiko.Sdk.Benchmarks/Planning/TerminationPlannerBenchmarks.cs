using BenchmarkDotNet.Attributes;
using Furiko.Sdk.Benchmarks.Data;
using Furiko.Sdk.Benchmarks.Floors;
using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using Furiko.Sdk.Termination.Planning;

namespace Furiko.Sdk.Benchmarks.Planning;

/// <summary>
/// One planning pass of the default planner over a running parallel Job, (a) when nothing is due and (b) when its
/// kill is due, so that every task is to be deleted. Target: per task within 3x of <see cref="TaskVisitFloor"/>, and
/// nothing allocated when nothing is due.
/// </summary>
[MemoryDiagnoser]
public class TerminationPlannerBenchmarks
{
    private readonly TerminationPlanner _planner = TerminationPlanner.CreateDefault();
    private IReadOnlyList<ObservedTask> _tasks = [];
    private Job _nothingDue = new();
    private Job _killDue = new();

    /// <summary>How many live tasks the Job has.</summary>
    [Params(10, 100, 1_000)]
    public int TaskCount { get; set; }

    /// <summary>Builds the tasks and the two Jobs for <see cref="TaskCount"/>.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _tasks = BenchmarkTasks.Running(TaskCount);
        _nothingDue = BenchmarkJobs.NothingDue(_tasks);
        _killDue = BenchmarkJobs.KillDue(_tasks);
    }

    /// <summary>The floor: every task visited once, the fields a decision needs read.</summary>
    /// <returns>A checksum of what was read.</returns>
    [Benchmark(Baseline = true)]
    public long Floor() => TaskVisitFloor.Visit(_tasks);

    /// <summary>(a) A pass over running tasks with no kill time: no decision, no wake-up.</summary>
    /// <returns>The plan.</returns>
    [Benchmark]
    public TerminationPlan PlanNothingDue() => _planner.Plan(_nothingDue, _tasks, BenchmarkClock.Now);

    /// <summary>(b) A pass whose kill is due: one graceful delete with a kill tombstone per task.</summary>
    /// <returns>The plan.</returns>
    [Benchmark]
    public TerminationPlan PlanKillDue() => _planner.Plan(_killDue, _tasks, BenchmarkClock.Now);
}
