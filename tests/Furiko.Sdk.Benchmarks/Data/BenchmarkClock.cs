using NodaTime;

namespace Furiko.Sdk.Benchmarks.Data;

/// <summary>The fixed instants every benchmark's data is laid out around, so each run sees the same input.</summary>
public static class BenchmarkClock
{
    /// <summary>When the benchmark Jobs started: 2024-03-01T12:00:00Z.</summary>
    public static readonly Instant JobStart = Instant.FromUtc(2024, 3, 1, 12, 0, 0);

    /// <summary>The instant of the pass under test: one hour after <see cref="JobStart"/>.</summary>
    public static readonly Instant Now = JobStart + Duration.FromHours(1);
}
