using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Furiko.Sdk.Benchmarks.Kubernetes;

/// <summary>
/// The job for slow, I/O-bound benchmarks whose state is rebuilt before every iteration: one invocation per iteration
/// (the state is spent by it), six warm-up iterations (the HTTP stack is tiered up by then) and twenty measured ones,
/// with the median and the minimum beside the mean, since two processes sharing two cores make the times spread. It is
/// a default job, so a job given on the command line (<c>--job short</c>) or by the smoke tests (the dry job) replaces
/// it; the <c>[InvocationCount(1)]</c> on the benchmark class keeps one invocation per iteration in every job.
/// </summary>
public sealed class EmulatorKillConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public EmulatorKillConfig()
    {
        AddJob(Job.Default
            .WithId("Kill")
            .WithLaunchCount(1)
            .WithWarmupCount(6)
            .WithIterationCount(20)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .AsDefault());
        AddColumn(StatisticColumn.Median, StatisticColumn.Min);
    }
}
