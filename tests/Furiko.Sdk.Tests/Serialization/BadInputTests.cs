using Furiko.Sdk.Models;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Tests.Serialization;

public class BadInputTests
{
    [Theory]
    [InlineData("""{"spec":{"template":{"maxAttempts":"three"}}}""", "$.spec.template.maxAttempts", "\"three\"", "integer")]
    [InlineData("""{"spec":{"template":{"forbidTaskForceDeletion":"yes"}}}""", "$.spec.template.forbidTaskForceDeletion", "\"yes\"", "boolean")]
    [InlineData("""{"spec":{"ttlSecondsAfterFinished":1.5}}""", "$.spec.ttlSecondsAfterFinished", "1.5", "integer")]
    [InlineData("""{"spec":{"killTimestamp":5}}""", "$.spec.killTimestamp", "5", "RFC 3339")]
    [InlineData("""{"spec":{"substitutions":["a"]}}""", "$.spec.substitutions", "[\"a\"]", "object")]
    [InlineData("""{"status":{"phase":5}}""", "$.status.phase", "5", "string")]
    [InlineData("""{"status":{"tasks":{"name":"a"}}}""", "$.status.tasks", "{\"name\":\"a\"}", "array")]
    [InlineData("""{"status":{"tasks":[{"name":"a","retryIndex":"0"}]}}""", "$.status.tasks[0].retryIndex", "\"0\"", "integer")]
    [InlineData("""{"status":{"tasks":[{"name":"a","containerStates":[{"exitCode":4294967296}]}]}}""", "$.status.tasks[0].containerStates[0].exitCode", "4294967296", "int32")]
    [InlineData("""{"status":{"parallelStatus":{"complete":true,"indexes":[{"index":{"matrixValues":{"a":1}}}]}}}""", "$.status.parallelStatus.indexes[0].index.matrixValues.a", "1", "string")]
    [InlineData("""{"status":{"condition":"running"}}""", "$.status.condition", "\"running\"", "object")]
    public void A_value_of_the_wrong_type_is_an_error_naming_the_path_and_the_value(string json, string path, string value, string expected)
    {
        var ex = Assert.Throws<FurikoSerializationException>(() => FurikoJson.Deserialize<Job>(json));

        Assert.Equal(path, ex.Path);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains(value, ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_wrong_type_error_reads_as_a_sentence()
    {
        var ex = Assert.Throws<FurikoSerializationException>(
            () => FurikoJson.Deserialize<Job>("""{"spec":{"template":{"maxAttempts":"three"}}}"""));

        Assert.Equal("Cannot read Job: at $.spec.template.maxAttempts (line 1, byte 43): expected an integer (int64), found \"three\".", ex.Message);
    }

    [Fact]
    public void A_wrong_type_in_a_YAML_manifest_names_the_document_the_path_and_the_value()
    {
        const string Yaml = """
            apiVersion: execution.furiko.io/v1alpha1
            kind: Job
            spec:
              template:
                maxAttempts: three
            """;

        var ex = Assert.Throws<FurikoSerializationException>(() => FurikoManifest.Load(Yaml));

        Assert.Equal("$.spec.template.maxAttempts", ex.Path);
        Assert.StartsWith("Document 0: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("$.spec.template.maxAttempts", ex.Message, StringComparison.Ordinal);
        Assert.Contains("\"three\"", ex.Message, StringComparison.Ordinal);

        // Line and byte of the JSON converted from YAML would point nowhere in the user's file.
        Assert.DoesNotContain("byte", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"apiVersion":"execution.furiko.io/v1alpha1","kind":"Job","spec":{"configName":"a""")]
    [InlineData("""{"apiVersion":"execution.furiko.io/v1alpha1","kind":"Job","spec":{""")]
    [InlineData("""{"apiVersion":"execution.furiko.io/v1alpha1","kind":"Job","spec":""")]
    [InlineData("""{"apiVersion":"execution.furiko.io/v1alpha1","kind":"Jo""")]
    [InlineData("{")]
    public void Truncated_JSON_is_an_error_naming_where_it_stops(string json)
    {
        var ex = Assert.Throws<FurikoSerializationException>(() => FurikoJson.Deserialize<Job>(json));
        Assert.Contains("at $", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 1", ex.Message, StringComparison.Ordinal);

        var loaded = Assert.Throws<FurikoSerializationException>(() => FurikoManifest.Load(json));
        Assert.Contains("at $", loaded.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_JSON_is_an_error(string json)
    {
        Assert.Throws<FurikoSerializationException>(() => FurikoJson.Deserialize<Job>(json));
    }

    [Theory]
    [InlineData("null")]
    [InlineData(" null ")]
    public void A_JSON_null_document_is_an_error_naming_the_root(string json)
    {
        var ex = Assert.Throws<FurikoSerializationException>(() => FurikoJson.Deserialize<Job>(json));

        Assert.Equal("$", ex.Path);
        Assert.Contains("at $", ex.Message, StringComparison.Ordinal);
        Assert.Contains("null", ex.Message, StringComparison.Ordinal);
        Assert.Throws<FurikoSerializationException>(() => FurikoManifest.LoadSingle<Job>(json));
    }

    [Theory]
    [InlineData("[]", "Array")]
    [InlineData("5", "Number")]
    [InlineData("\"job\"", "String")]
    public void A_document_that_is_not_an_object_is_an_error(string json, string found)
    {
        var ex = Assert.Throws<FurikoSerializationException>(() => FurikoJson.Deserialize<Job>(json));
        Assert.Equal("$", ex.Path);

        var loaded = Assert.Throws<FurikoSerializationException>(() => FurikoManifest.Load(json));
        Assert.Contains(found, loaded.Message, StringComparison.Ordinal);
        Assert.Equal("$", loaded.Path);
    }

    [Theory]
    [InlineData("spec: [unclosed\n", 2)]
    [InlineData("apiVersion: execution.furiko.io/v1alpha1\nkind: Job\n  spec: x\n", 3)]
    [InlineData("a: 'unterminated\n", 1)]
    [InlineData("a: *undefined\n", 1)]
    [InlineData("a:\n- b\n c: d\n", 3)]
    public void Malformed_YAML_is_an_error_naming_the_line(string yaml, int line)
    {
        var ex = Assert.Throws<FurikoSerializationException>(() => FurikoManifest.Load(yaml));

        Assert.Contains($"line {line}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_YAML_key_is_an_error_naming_its_path()
    {
        const string Yaml = """
            apiVersion: execution.furiko.io/v1alpha1
            kind: Job
            metadata:
              name: a
              name: b
            """;

        var ex = Assert.Throws<FurikoSerializationException>(() => FurikoManifest.Load(Yaml));

        Assert.Equal("$.metadata.name", ex.Path);
        Assert.Contains("$.metadata.name", ex.Message, StringComparison.Ordinal);
        Assert.Contains("duplicate key 'name'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 5", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_of_an_unknown_kind_is_an_error_naming_kind_and_value()
    {
        var ex = Assert.Throws<FurikoSerializationException>(() => FurikoManifest.Load("apiVersion: v1\nkind: Pod\n"));

        Assert.Equal("$.kind", ex.Path);
        Assert.Contains("$.kind", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'Pod'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Furiko_kind_under_another_apiVersion_is_an_error_naming_apiVersion()
    {
        var ex = Assert.Throws<FurikoSerializationException>(() => FurikoManifest.Load("apiVersion: batch/v1\nkind: Job\n"));

        Assert.Equal("$.apiVersion", ex.Path);
        Assert.Contains("$.apiVersion", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'batch/v1'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_without_kind_is_an_error()
    {
        var ex = Assert.Throws<FurikoSerializationException>(() => FurikoManifest.Load("apiVersion: execution.furiko.io/v1alpha1\nspec: {}\n"));

        Assert.Equal("$.kind", ex.Path);
    }

    [Fact]
    public void The_failing_document_of_a_stream_is_named()
    {
        const string Yaml = """
            apiVersion: execution.furiko.io/v1alpha1
            kind: Job
            spec: {configName: a}
            ---
            apiVersion: execution.furiko.io/v1alpha1
            kind: Job
            spec: {ttlSecondsAfterFinished: soon}
            """;

        var ex = Assert.Throws<FurikoSerializationException>(() => FurikoManifest.Load(Yaml));

        Assert.Equal(1, ex.DocumentIndex);
        Assert.StartsWith("Document 1: ", ex.Message, StringComparison.Ordinal);
        Assert.Equal("$.spec.ttlSecondsAfterFinished", ex.Path);
    }

    [Fact]
    public void A_bad_resource_quantity_in_the_pod_template_names_its_path_and_value()
    {
        const string Json = """
            {"spec":{"template":{"taskTemplate":{"pod":{"spec":{"containers":[
              {"name":"a","resources":{"limits":{"cpu":"1x"}}}]}}}}}}
            """;

        var ex = Assert.Throws<FurikoSerializationException>(() => FurikoJson.Deserialize<Job>(Json));

        Assert.Equal("$.spec.template.taskTemplate.pod.spec.containers[0].resources.limits.cpu", ex.Path);
        Assert.Contains(ex.Path!, ex.Message, StringComparison.Ordinal);
        Assert.Contains("\"1x\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_metadata_timestamp_names_its_path_and_value()
    {
        var ex = Assert.Throws<FurikoSerializationException>(
            () => FurikoJson.Deserialize<Job>("""{"metadata":{"name":"a","creationTimestamp":"yesterday"}}"""));

        Assert.Equal("$.metadata.creationTimestamp", ex.Path);
        Assert.Contains("\"yesterday\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_YAML_alias_to_its_own_ancestor_is_an_error_not_a_crash()
    {
        var ex = Assert.Throws<FurikoSerializationException>(() => FurikoManifest.Load("a: &x [b, *x]\n"));

        Assert.Contains("*x", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void YAML_nested_deeper_than_JSON_allows_is_an_error()
    {
        var yaml = "a: " + new string('[', 100) + new string(']', 100) + "\n";

        var ex = Assert.Throws<FurikoSerializationException>(() => FurikoManifest.Load(yaml));

        Assert.Contains("deeper", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void YAML_aliases_that_expand_without_bound_are_an_error()
    {
        // "Billion laughs": each level doubles... ten times over.
        var yaml = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n";
        for (var i = 1; i <= 9; i++)
        {
            yaml += $"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]\n";
        }

        var ex = Assert.Throws<FurikoSerializationException>(() => FurikoManifest.Load(yaml));

        Assert.Contains("alias", ex.Message, StringComparison.Ordinal);
    }
}
