using BenchmarkDotNet.Running;
using Furiko.Sdk.Benchmarks.Kubernetes;
using Furiko.Sdk.Benchmarks.Planning;

// The kill benchmark starts this program again as its emulator host (Kubernetes/EmulatorHost.cs).
if (args is [EmulatorHost.Argument])
{
    await EmulatorHost.RunAsync(Console.In, Console.Out);
    return;
}

// Pick benchmarks with BenchmarkDotNet's own arguments, e.g. `--filter '*'` or `--filter '*Planner*' --job short`.
BenchmarkSwitcher.FromAssembly(typeof(TerminationPlannerBenchmarks).Assembly).Run(args);
