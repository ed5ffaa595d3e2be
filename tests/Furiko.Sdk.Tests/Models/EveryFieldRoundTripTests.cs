using System.Text.Json.Nodes;
using Furiko.Sdk.Models;
using Furiko.Sdk.Serialization;
using Furiko.Sdk.Tests.Serialization;

namespace Furiko.Sdk.Tests.Models;

/// <summary>
/// Round-trips hand-written Job and JobConfig documents that set every field of their CRDs (proved by the
/// coverage tests below), so that no field can be lost, renamed or retyped unnoticed.
/// </summary>
public class EveryFieldRoundTripTests
{
    [Fact]
    public void Job_with_every_field_round_trips_by_value()
    {
        var json = TestFixtures.Read(TestFixtures.EveryFieldJob);

        JsonValueComparer.AssertEquivalent(json, FurikoJson.Serialize(FurikoJson.Deserialize<Job>(json)));
    }

    [Fact]
    public void JobConfig_with_every_field_round_trips_by_value()
    {
        var json = TestFixtures.Read(TestFixtures.EveryFieldJobConfig);

        JsonValueComparer.AssertEquivalent(json, FurikoJson.Serialize(FurikoJson.Deserialize<JobConfig>(json)));
    }

    [Fact]
    public void JobList_and_JobConfigList_round_trip_by_value()
    {
        var jobs = List("JobList", TestFixtures.EveryFieldJob);
        var configs = List("JobConfigList", TestFixtures.EveryFieldJobConfig);

        JsonValueComparer.AssertEquivalent(jobs, FurikoJson.Serialize(FurikoJson.Deserialize<JobList>(jobs)));
        JsonValueComparer.AssertEquivalent(configs, FurikoJson.Serialize(FurikoJson.Deserialize<JobConfigList>(configs)));
    }

    [Theory]
    [InlineData(TestFixtures.EveryFieldJob)]
    [InlineData(TestFixtures.EveryFieldJobConfig)]
    public void Every_field_fixture_loads_through_the_manifest_loader_too(string fixture)
    {
        var json = TestFixtures.Read(fixture);

        JsonValueComparer.AssertEquivalent(json, FurikoJson.Serialize(Assert.Single(FurikoManifest.Load(json))));
    }

    [Fact]
    public void The_Job_fixture_sets_every_property_of_the_Job_CRD()
    {
        AssertCovers(CrdSchema.Job(), TestFixtures.ReadObject(TestFixtures.EveryFieldJob));
    }

    [Fact]
    public void The_JobConfig_fixture_sets_every_property_of_the_JobConfig_CRD()
    {
        AssertCovers(CrdSchema.JobConfig(), TestFixtures.ReadObject(TestFixtures.EveryFieldJobConfig));
    }

    [Fact]
    public void The_Job_fixture_has_every_condition_every_index_kind_and_tombstones()
    {
        var status = FurikoJson.Deserialize<Job>(TestFixtures.Read(TestFixtures.EveryFieldJob)).Status!;

        Assert.NotNull(status.Condition.Queueing);
        Assert.NotNull(status.Condition.Waiting);
        Assert.NotNull(status.Condition.Running);
        Assert.NotNull(status.Condition.Finished);
        var indexes = status.ParallelStatus!.Indexes.Select(i => i.Index).ToList();
        Assert.Contains(indexes, i => i.IndexNumber is not null);
        Assert.Contains(indexes, i => i.IndexKey is not null);
        Assert.Contains(indexes, i => i.MatrixValues is not null);
        Assert.Contains(status.Tasks!, t => t.DeletedStatus is not null);
        Assert.Contains(status.Tasks!, t => t.DeletedStatus is null);
    }

    private static string List(string kind, string itemFixture) =>
        new JsonObject
        {
            ["apiVersion"] = FurikoApi.GroupVersion,
            ["kind"] = kind,
            ["metadata"] = new JsonObject { ["resourceVersion"] = "918300", ["continue"] = "eyJ2IjoibWV0YS5rOHMuaW8vdjEifQ" },
            ["items"] = new JsonArray(TestFixtures.ReadObject(itemFixture)),
        }.ToJsonString();

    private static void AssertCovers(JsonObject schema, JsonObject fixture)
    {
        var missing = CrdSchema.PropertyPaths(schema).Where(path => !IsSetSomewhere(fixture, path)).ToList();

        Assert.True(missing.Count == 0, "The fixture does not set:\n" + string.Join('\n', missing));
    }

    // Whether some value in the document sits at a schema path ([*] = any item, .* = any map value).
    private static bool IsSetSomewhere(JsonNode? node, string path)
    {
        if (path.Length == 0 || path == "$")
        {
            return node is not null;
        }

        var rest = path.StartsWith('$') ? path[1..] : path;
        if (rest.StartsWith("[*]", StringComparison.Ordinal))
        {
            return node is JsonArray array && array.Any(item => IsSetSomewhere(item, rest[3..]));
        }

        if (rest.StartsWith(".*", StringComparison.Ordinal))
        {
            return node is JsonObject map && map.Any(member => IsSetSomewhere(member.Value, rest[2..]));
        }

        var end = rest.IndexOfAny(['.', '['], 1);
        var name = end < 0 ? rest[1..] : rest[1..end];
        return node is JsonObject obj && obj.TryGetPropertyValue(name, out var child) && IsSetSomewhere(child, end < 0 ? string.Empty : rest[end..]);
    }
}
