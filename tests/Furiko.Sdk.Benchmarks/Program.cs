using BenchmarkDotNet.Running;
using Furiko.Sdk.Benchmarks.Planning;

// Pick benchmarks with BenchmarkDotNet's own arguments, e.g. `--filter '*'` or `--filter '*Planner*' --job short`.
BenchmarkSwitcher.FromAssembly(typeof(TerminationPlannerBenchmarks).Assembly).Run(args);
