using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Furiko.Sdk.Benchmarks.Kubernetes;

/// <summary>
/// The job for slow, I/O-bound benchmarks whose state is rebuilt before every iteration: one invocation per iteration
/// (the state is spent by it), eight warm-up iterations (the HTTP stack and the emulator are tiered up by then) and twelve measured ones. It is a default job, so a job given on the
/// command line (<c>--job short</c>) or by the smoke tests (the dry job) replaces it; the
/// <c>[InvocationCount(1)]</c> on the benchmark class keeps one invocation per iteration in every job.
/// </summary>
public sealed class EmulatorKillConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public EmulatorKillConfig() =>
        AddJob(Job.Default
            .WithId("Kill")
            .WithLaunchCount(1)
            .WithWarmupCount(8)
            .WithIterationCount(12)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .AsDefault());
}
