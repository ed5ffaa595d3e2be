using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Furiko.Sdk.Benchmarks.Kubernetes;
using Furiko.Sdk.Benchmarks.Planning;
using Furiko.Sdk.Benchmarks.Serialization;
using Furiko.Sdk.Benchmarks.Status;

namespace Furiko.Sdk.Benchmarks.Tests;

/// <summary>
/// Runs every benchmark once, in this process, with BenchmarkDotNet's dry job: they must set up, run and report
/// without error, so they never rot between real runs. The runs of one class here happen one after another
/// (BenchmarkDotNet's in-process runner is not meant to run beside itself).
/// </summary>
public class BenchmarkSmokeTests
{
    public static TheoryData<Type> BenchmarkClasses => [.. BenchmarkCatalog.Classes];

    [Fact]
    public void The_catalogue_holds_the_benchmarks_of_issue_7()
    {
        // In order of full name, as the catalogue lists them.
        Assert.Equal(
            [typeof(EmulatorKillBenchmarks), typeof(TerminationPlannerBenchmarks), typeof(JobListLoadBenchmarks), typeof(JobStatusDerivationBenchmarks)],
            BenchmarkCatalog.Classes);
    }

    [Theory]
    [MemberData(nameof(BenchmarkClasses))]
    public void Every_benchmark_class_measures_allocations_against_exactly_one_baseline(Type benchmarkClass)
    {
        Assert.NotNull(benchmarkClass.GetCustomAttribute<MemoryDiagnoserAttribute>());
        Assert.Single(BenchmarkCatalog.BenchmarkMethods(benchmarkClass), method => method.GetCustomAttribute<BenchmarkAttribute>()!.Baseline);
    }

    [Theory]
    [MemberData(nameof(BenchmarkClasses))]
    public void Every_benchmark_runs_without_error_in_a_dry_run(Type benchmarkClass)
    {
        var artifacts = Directory.CreateTempSubdirectory("furiko-benchmark-smoke-");
        var log = new AccumulationLogger();
        try
        {
            var config = ManualConfig.CreateEmpty()
                .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.DontLogOutput))
                .AddLogger(log)
                .WithArtifactsPath(artifacts.FullName)

                // Tests build in Debug; the numbers of a dry run mean nothing anyway, only that it ran.
                .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.DisableLogFile);

            var summary = BenchmarkRunner.Run(benchmarkClass, config);

            var output = log.GetLog();
            Assert.False(summary.HasCriticalValidationErrors, output);
            Assert.NotEmpty(summary.BenchmarksCases);
            Assert.Equal(summary.BenchmarksCases.Length, summary.Reports.Length);
            Assert.All(summary.Reports, report =>
            {
                Assert.True(report.Success, $"{report.BenchmarkCase.DisplayInfo} failed:\n{output}");
                Assert.NotEmpty(report.AllMeasurements);
            });

            // Every [Benchmark] method and every value of its parameters ran.
            var methods = BenchmarkCatalog.BenchmarkMethods(benchmarkClass).Select(method => method.Name).Order(StringComparer.Ordinal);
            var ran = summary.Reports.Select(report => report.BenchmarkCase.Descriptor.WorkloadMethod.Name).Distinct().Order(StringComparer.Ordinal);
            Assert.Equal(methods, ran);
        }
        finally
        {
            artifacts.Delete(recursive: true);
        }
    }
}
