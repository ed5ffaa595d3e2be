using System.Text.Json.Nodes;
using Furiko.Sdk.Models;
using Furiko.Sdk.Serialization;
using Furiko.Sdk.Tests.Serialization;
using NodaTime;

namespace Furiko.Sdk.Tests.Models;

/// <summary>Fields a newer Furiko adds survive a read-modify-write through the models.</summary>
public class UnknownFieldsTests
{
    private static readonly Instant NewKillTime = Instant.FromUtc(2030, 1, 2, 3, 4, 5).PlusNanoseconds(600);

    [Fact]
    public void Unknown_fields_at_every_level_survive_changing_the_kill_timestamp()
    {
        var input = TestFixtures.ReadObject(TestFixtures.EveryFieldJob);
        AddUnknownFields(input);

        var job = FurikoJson.Deserialize<Job>(input.ToJsonString());
        job.Spec.KillTimestamp = NewKillTime;
        var written = JsonNode.Parse(FurikoJson.Serialize(job))!;

        Assert.Equal("2030-01-02T03:04:05.0000006Z", written["spec"]!["killTimestamp"]!.GetValue<string>());
        input["spec"]!["killTimestamp"] = "2030-01-02T03:04:05.0000006Z";
        JsonValueComparer.AssertEquivalent(input.ToJsonString(), written.ToJsonString());
    }

    [Fact]
    public void Unknown_fields_are_kept_exactly_as_read()
    {
        var input = TestFixtures.ReadObject(TestFixtures.EveryFieldJob);
        AddUnknownFields(input);

        var written = JsonNode.Parse(FurikoJson.Serialize(FurikoJson.Deserialize<Job>(input.ToJsonString())))!;

        // Exact equality, not by-value: an unknown field is opaque to the SDK.
        Assert.True(JsonNode.DeepEquals(input["futureRoot"], written["futureRoot"]));
        Assert.True(JsonNode.DeepEquals(input["spec"]!["futureSpec"], written["spec"]!["futureSpec"]));
        Assert.True(JsonNode.DeepEquals(input["status"]!["futureStatus"], written["status"]!["futureStatus"]));
        Assert.True(JsonNode.DeepEquals(input["status"]!["tasks"]![0]!["futureTaskField"], written["status"]!["tasks"]![0]!["futureTaskField"]));
        Assert.True(JsonNode.DeepEquals(
            input["status"]!["tasks"]![0]!["deletedStatus"]!["futureTombstoneField"],
            written["status"]!["tasks"]![0]!["deletedStatus"]!["futureTombstoneField"]));
    }

    [Fact]
    public void Unknown_fields_are_visible_on_the_model()
    {
        var input = TestFixtures.ReadObject(TestFixtures.EveryFieldJob);
        AddUnknownFields(input);

        var job = FurikoJson.Deserialize<Job>(input.ToJsonString());

        Assert.Equal(["futureRoot"], job.UnknownFields!.Keys);
        Assert.Equal(["futureSpec"], job.Spec.UnknownFields!.Keys);
        Assert.Equal(["futureStatus"], job.Status!.UnknownFields!.Keys);
        Assert.Equal(["futureTaskField"], job.Status.Tasks![0].UnknownFields!.Keys);
        Assert.Null(job.Status.Tasks[1].UnknownFields);
    }

    [Fact]
    public void Unknown_fields_of_a_JobConfig_survive_a_YAML_read_modify_write()
    {
        const string Yaml = """
            apiVersion: execution.furiko.io/v1alpha1
            kind: JobConfig
            metadata: {name: a}
            futureRoot: 1
            spec:
              concurrency: {policy: Forbid, futurePolicyKnob: '3'}
              schedule:
                cron: {expression: H * * * *, futureCronField: [x]}
              template:
                spec:
                  taskTemplate: {pod: {spec: {containers: [{name: c, image: i}]}}}
                  futureTemplateField: {k: v}
            """;
        var config = FurikoManifest.LoadSingle<JobConfig>(Yaml);

        config.Spec.Schedule!.Disabled = true;
        var written = JsonNode.Parse(FurikoJson.Serialize(config))!;

        Assert.Equal(1, written["futureRoot"]!.GetValue<int>());
        Assert.Equal("3", written["spec"]!["concurrency"]!["futurePolicyKnob"]!.GetValue<string>());
        Assert.Equal("x", written["spec"]!["schedule"]!["cron"]!["futureCronField"]![0]!.GetValue<string>());
        Assert.Equal("v", written["spec"]!["template"]!["spec"]!["futureTemplateField"]!["k"]!.GetValue<string>());
        Assert.True(written["spec"]!["schedule"]!["disabled"]!.GetValue<bool>());
    }

    [Fact]
    public void Every_Furiko_model_class_keeps_unknown_fields()
    {
        var models = typeof(Job).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(Job).Namespace && t.IsClass && !t.IsAbstract && CrdSchemaChecker.SerializedProperties(t).Count > 0)
            .ToList();

        Assert.NotEmpty(models);
        Assert.All(models, t => Assert.True(t.IsSubclassOf(typeof(ExtensibleModel)), $"{t.Name} drops unknown fields"));
    }

    private static void AddUnknownFields(JsonObject job)
    {
        job["futureRoot"] = new JsonObject { ["nested"] = new JsonArray(1, "two", null, true), ["quantity"] = "1000m" };
        job["spec"]!["futureSpec"] = 42;
        job["status"]!["futureStatus"] = new JsonArray(new JsonObject { ["a"] = "2022-03-06T00:27:00+08:00" });
        job["status"]!["tasks"]![0]!["futureTaskField"] = "kept";
        job["status"]!["tasks"]![0]!["deletedStatus"]!["futureTombstoneField"] = new JsonObject { ["x"] = 1.25 };
    }
}
