using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Furiko.Sdk.Benchmarks.Data;
using Furiko.Sdk.Models;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Benchmarks.Serialization;

/// <summary>
/// Loading a list of 1,000 realistic Jobs (<see cref="BenchmarkJobList"/>) into typed models with
/// <see cref="FurikoJson"/>. Target: within 2.5x of <see cref="JsonDocument.Parse(string, JsonDocumentOptions)"/> of
/// the same text; both start from the same <see cref="string"/>, the form <see cref="FurikoJson.Deserialize{T}"/> takes.
/// </summary>
[MemoryDiagnoser]
public class JobListLoadBenchmarks
{
    /// <summary>How many Jobs the list holds.</summary>
    public const int JobCount = 1_000;

    private string _json = string.Empty;

    /// <summary>Builds the list's JSON.</summary>
    [GlobalSetup]
    public void Setup() => _json = BenchmarkJobList.Json(JobCount);

    /// <summary>The floor: parse the same text into a <see cref="JsonDocument"/> (and give its pooled buffers back).</summary>
    /// <returns>The number of Jobs in the parsed list.</returns>
    [Benchmark(Baseline = true)]
    public int ParseJsonDocument()
    {
        using var document = JsonDocument.Parse(_json);
        return document.RootElement.GetProperty("items").GetArrayLength();
    }

    /// <summary><c>FurikoJson.Deserialize&lt;JobList&gt;</c> of the text.</summary>
    /// <returns>The typed list.</returns>
    [Benchmark]
    public JobList DeserializeJobList() => FurikoJson.Deserialize<JobList>(_json);
}
