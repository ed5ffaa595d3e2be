using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Furiko.Sdk.Models;

namespace Furiko.Sdk.Tests.Models;

/// <summary>
/// Proves that <see cref="CrdSchemaChecker"/> can fail: each test mutates a copy of a real CRD schema and expects
/// exactly the mismatches the mutation causes, each at its schema path and naming the model side.
/// </summary>
public class CrdSchemaCheckerMutationTests
{
    [Theory]
    [InlineData("Job", "$.spec.killTimestamp", "killTime",
        "$.spec.killTime => JobSpec | $.spec.killTimestamp => JobSpec.KillTimestamp (Instant?)")]
    [InlineData("Job", "$.status.condition.running.latestTaskCreationTimestamp", "latestCreationTimestamp",
        "$.status.condition.running.latestCreationTimestamp => JobConditionRunning | $.status.condition.running.latestTaskCreationTimestamp => JobConditionRunning.LatestTaskCreationTimestamp")]
    [InlineData("Job", "$.status.tasks[*].deletedStatus.reason", "why",
        "$.status.tasks[*].deletedStatus.why => TaskRefStatus | $.status.tasks[*].deletedStatus.reason => TaskRefStatus.Reason (string)")]
    [InlineData("Job", "$.status.parallelStatus.indexes[*].index.matrixValues", "matrix",
        "$.status.parallelStatus.indexes[*].index.matrix => ParallelIndex | $.status.parallelStatus.indexes[*].index.matrixValues => ParallelIndex.MatrixValues (IDictionary<string, string>)")]
    [InlineData("JobConfig", "$.spec.option.options[*].bool.trueVal", "trueValue",
        "$.spec.option.options[*].bool.trueValue => BoolOptionConfig | $.spec.option.options[*].bool.trueVal => BoolOptionConfig.TrueVal (string)")]
    [InlineData("JobConfig", "$.status.activeJobs[*].creationTimestamp", "created",
        "$.status.activeJobs[*].created => JobReference | $.status.activeJobs[*].creationTimestamp => JobReference.CreationTimestamp (Instant?)")]
    public void A_renamed_schema_property_is_caught_on_both_sides(string crd, string path, string newName, string expected)
    {
        var schema = Schema(crd);
        var (parent, name) = Parent(schema, path);
        var node = parent[name] ?? throw new ArgumentException($"No property at {path}.", nameof(path));
        parent.Remove(name);
        parent[newName] = node;

        AssertMismatches(expected, CrdSchemaChecker.Check(schema, RootType(crd)));
    }

    [Theory]
    [InlineData("Job", "$.spec.template.maxAttempts", "type=string,format=",
        "$.spec.template.maxAttempts => JobTemplate.MaxAttempts (long?)")]
    [InlineData("Job", "$.status.tasks[*].containerStates[*].exitCode", "format=int64",
        "$.status.tasks[*].containerStates[*].exitCode => TaskContainerState.ExitCode (int)")]
    [InlineData("Job", "$.spec.template.parallelism.withMatrix.*[*]", "type=integer,format=int64",
        "$.spec.template.parallelism.withMatrix.*[*] => string")]
    [InlineData("Job", "$.spec.substitutions.*", "type=boolean",
        "$.spec.substitutions.* => string")]
    [InlineData("Job", "$.status.startTime", "format=",
        "$.status.startTime => JobStatus.StartTime (Instant?)")]
    [InlineData("Job", "$.status.parallelStatus.complete", "type=integer,format=int32",
        "$.status.parallelStatus.complete => ParallelStatus.Complete (bool)")]
    [InlineData("Job", "$.status.tasks", "type=object",
        "$.status.tasks => JobStatus.Tasks (IList<TaskRef>)")]
    [InlineData("JobConfig", "$.spec.schedule.disabled", "type=string",
        "$.spec.schedule.disabled => ScheduleSpec.Disabled (bool?)")]
    [InlineData("JobConfig", "$.status.state", "format=date-time",
        "$.status.state => JobConfigStatus.State (JobConfigState)")]
    [InlineData("JobConfig", "$.spec.option.options[*].multi.default", "type=string",
        "$.spec.option.options[*].multi.default => MultiOptionConfig.Default (IList<string>)")]
    public void A_retyped_schema_property_is_caught(string crd, string path, string change, string expected)
    {
        var schema = Schema(crd);
        var node = CrdSchema.NodeAt(schema, path);
        foreach (var assignment in change.Split(','))
        {
            var (key, value) = (assignment[..assignment.IndexOf('=', StringComparison.Ordinal)], assignment[(assignment.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            node.Remove(key);
            if (value.Length > 0)
            {
                node[key] = value;
            }
        }

        AssertMismatches(expected, CrdSchemaChecker.Check(schema, RootType(crd)));
    }

    [Theory]
    [InlineData("Job", "$", "extra", "$.extra => Job")]
    [InlineData("Job", "$.status.tasks[*].status", "exitReason", "$.status.tasks[*].status.exitReason => TaskRefStatus")]
    [InlineData("Job", "$.status.condition.finished", "killedBy", "$.status.condition.finished.killedBy => JobConditionFinished")]
    [InlineData("JobConfig", "$.spec.concurrency", "maxQueued", "$.spec.concurrency.maxQueued => ConcurrencySpec")]
    [InlineData("JobConfig", "$.spec.option.options[*].multi", "minItems", "$.spec.option.options[*].multi.minItems => MultiOptionConfig")]
    public void An_added_schema_property_is_caught(string crd, string parentPath, string name, string expected)
    {
        var schema = Schema(crd);
        CrdSchema.NodeAt(schema, parentPath)["properties"]![name] = new JsonObject { ["type"] = "string" };

        AssertMismatches(expected, CrdSchemaChecker.Check(schema, RootType(crd)));
    }

    [Theory]
    [InlineData("Job", "$.status.parallelStatus.indexes[*].hash", "$.status.parallelStatus.indexes[*].hash => ParallelIndexStatus.Hash (string)")]
    [InlineData("Job", "$.spec.template.parallelism.withCount", "$.spec.template.parallelism.withCount => ParallelismSpec.WithCount (long?)")]
    [InlineData("Job", "$.status.tasks[*].containerStates[*].signal", "$.status.tasks[*].containerStates[*].signal => TaskContainerState.Signal (int?)")]
    [InlineData("JobConfig", "$.status.activeJobs[*].startTime", "$.status.activeJobs[*].startTime => JobReference.StartTime (Instant?)")]
    [InlineData("JobConfig", "$.spec.schedule.cron", "$.spec.schedule.cron => ScheduleSpec.Cron (CronSchedule)")]
    public void A_removed_schema_property_is_caught(string crd, string path, string expected)
    {
        var schema = Schema(crd);
        var (parent, name) = Parent(schema, path);
        Assert.True(parent.Remove(name));

        AssertMismatches(expected, CrdSchemaChecker.Check(schema, RootType(crd)));
    }

    [Fact]
    public void A_preserved_node_accepts_any_model_type()
    {
        // The Pod spec is opaque in the CRD (x-kubernetes-preserve-unknown-fields): changing its schema changes nothing.
        var schema = CrdSchema.Job();
        var podSpec = CrdSchema.NodeAt(schema, "$.spec.template.taskTemplate.pod.spec");
        podSpec["properties"] = new JsonObject { ["anything"] = new JsonObject { ["type"] = "integer", ["format"] = "int64" } };

        Assert.Empty(CrdSchemaChecker.Check(schema, typeof(Job)));
    }

    [Fact]
    public void Model_side_defects_are_caught_too()
    {
        var schema = JsonNode.Parse("""
            {"type":"object","properties":{
              "when":{"type":"string","format":"date-time"},
              "count":{"type":"integer","format":"int64"},
              "labels":{"type":"object","additionalProperties":{"type":"string"}},
              "items":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"}}}}}}
            """)!.AsObject();

        var mismatches = CrdSchemaChecker.Check(schema, typeof(DefectiveModel));

        AssertMismatches(
            "$.when => DefectiveModel.When (Instant?) | $.count => DefectiveModel.Count (int) | "
            + "$.labels => DefectiveModel.Labels (IList<string>) | $.items[*].name => DefectiveItem | $.items[*].title => DefectiveItem.Title (string)",
            mismatches);
        Assert.Contains(mismatches, m => m.SchemaPath == "$.when" && m.Problem.Contains("InstantJsonConverter", StringComparison.Ordinal));
    }

    private static JsonObject Schema(string crd) => crd == "Job" ? CrdSchema.Job() : CrdSchema.JobConfig();

    private static Type RootType(string crd) => crd == "Job" ? typeof(Job) : typeof(JobConfig);

    private static (JsonObject Properties, string Name) Parent(JsonObject schema, string path)
    {
        var dot = path.LastIndexOf('.');
        return (CrdSchema.NodeAt(schema, path[..dot])["properties"]!.AsObject(), path[(dot + 1)..]);
    }

    // expected: "path => model fragment | path => model fragment"; the model fragment must start the Model text.
    private static void AssertMismatches(string expected, IReadOnlyList<SchemaMismatch> mismatches)
    {
        var wanted = expected.Split(" | ").Select(e => e.Split(" => ")).Select(p => (Path: p[0], Model: p[1])).ToList();
        var report = string.Join('\n', mismatches);
        Assert.True(wanted.Count == mismatches.Count, $"Expected {wanted.Count} mismatch(es), found:\n{report}");
        foreach (var (path, model) in wanted)
        {
            Assert.True(
                mismatches.Any(m => m.SchemaPath == path && m.Model.StartsWith(model, StringComparison.Ordinal)),
                $"Expected a mismatch at {path} naming {model}, found:\n{report}");
        }
    }

    private sealed class DefectiveModel
    {
        // A date-time without the converter: KubernetesClient would write it as {}.
        [JsonPropertyName("when")]
        public NodaTime.Instant? When { get; set; }

        // int64 in the schema, 32 bits here.
        [JsonPropertyName("count")]
        public int Count { get; set; }

        // A map in the schema, a list here.
        [JsonPropertyName("labels")]
        public IList<string>? Labels { get; set; }

        [JsonPropertyName("items")]
        public IList<DefectiveItem>? Items { get; set; }

        [JsonIgnore]
        public int Ignored => Count;
    }

    private sealed class DefectiveItem
    {
        // Renamed: the schema says "name".
        [JsonPropertyName("title")]
        public string? Title { get; set; }
    }
}
