using System.Reflection;
using BenchmarkDotNet.Attributes;
using Furiko.Sdk.Benchmarks.Planning;

namespace Furiko.Sdk.Benchmarks.Tests;

/// <summary>Every benchmark class of Furiko.Sdk.Benchmarks, found by reflection so a new one is smoke-run without being listed.</summary>
internal static class BenchmarkCatalog
{
    public static IReadOnlyList<Type> Classes { get; } = typeof(TerminationPlannerBenchmarks).Assembly
        .GetTypes()
        .Where(type => type.GetMethods().Any(method => method.GetCustomAttribute<BenchmarkAttribute>() is not null))
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .ToArray();

    public static IEnumerable<MethodInfo> BenchmarkMethods(Type type) =>
        type.GetMethods().Where(method => method.GetCustomAttribute<BenchmarkAttribute>() is not null);
}
