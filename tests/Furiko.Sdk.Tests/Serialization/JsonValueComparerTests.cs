namespace Furiko.Sdk.Tests.Serialization;

public class JsonValueComparerTests
{
    [Fact]
    public void A_lost_field_is_reported_with_its_path()
    {
        var difference = JsonValueComparer.FirstDifference(
            """{"spec":{"configName":"a","template":{"maxAttempts":3}}}""",
            """{"spec":{"configName":"a","template":{}}}""");

        Assert.Equal("$.spec.template.maxAttempts", difference?.Path);
        Assert.Contains("lost", difference!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_renamed_field_is_reported_at_its_old_name()
    {
        var difference = JsonValueComparer.FirstDifference(
            """{"status":{"condition":{"running":{"latestTaskCreationTimestamp":"2022-03-05T16:27:00Z"}}}}""",
            """{"status":{"condition":{"running":{"latestCreationTimestamp":"2022-03-05T16:27:00Z"}}}}""");

        Assert.Equal("$.status.condition.running.latestTaskCreationTimestamp", difference?.Path);
    }

    [Fact]
    public void A_field_that_appears_under_a_new_name_only_is_reported_as_added()
    {
        var difference = JsonValueComparer.FirstDifference("""{"a":{}}""", """{"a":{"b":1}}""");

        Assert.Equal("$.a.b", difference?.Path);
        Assert.Contains("added", difference!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_value_in_an_array_item_is_reported_with_its_index()
    {
        var difference = JsonValueComparer.FirstDifference(
            """{"status":{"tasks":[{"name":"a-gezdqo-0"},{"name":"a-gi3dgn-0"}]}}""",
            """{"status":{"tasks":[{"name":"a-gezdqo-0"},{"name":"a-gi3dgn-1"}]}}""");

        Assert.Equal("$.status.tasks[1].name", difference?.Path);
    }

    [Theory]
    [InlineData("""{"x":"1"}""", """{"x":1}""")]
    [InlineData("""{"x":1}""", """{"x":"1"}""")]
    [InlineData("""{"x":true}""", """{"x":"true"}""")]
    [InlineData("""{"x":["a"]}""", """{"x":"a"}""")]
    [InlineData("""{"x":{"a":1}}""", """{"x":[{"a":1}]}""")]
    public void A_retyped_value_is_reported(string expected, string actual)
    {
        var difference = JsonValueComparer.FirstDifference(expected, actual);

        Assert.Equal("$.x", difference?.Path);
        Assert.Contains("retyped", difference!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_array_lengths_are_reported()
    {
        var difference = JsonValueComparer.FirstDifference("""{"k":["a","b"]}""", """{"k":["a"]}""");

        Assert.Equal("$.k", difference?.Path);
    }

    [Fact]
    public void Keys_that_are_not_identifiers_are_bracketed_in_the_path()
    {
        var difference = JsonValueComparer.FirstDifference(
            """{"metadata":{"labels":{"app.kubernetes.io/name":"a"}}}""",
            """{"metadata":{"labels":{"app.kubernetes.io/name":"b"}}}""");

        Assert.Equal("$.metadata.labels['app.kubernetes.io/name']", difference?.Path);
    }

    [Theory]
    [InlineData("2022-03-06T00:27:00+08:00", "2022-03-05T16:27:00Z")]
    [InlineData("2022-03-05T16:27:00.500+01:00", "2022-03-05T15:27:00.5Z")]
    [InlineData("2022-03-05t16:27:00z", "2022-03-05T16:27:00Z")]
    [InlineData("2022-03-05T16:27:00.123456789Z", "2022-03-05T16:27:00.123456789+00:00")]
    public void Timestamps_are_compared_as_instants(string expected, string actual)
    {
        Assert.Null(JsonValueComparer.FirstDifference($$"""{"t":"{{expected}}"}""", $$"""{"t":"{{actual}}"}"""));
    }

    [Theory]
    [InlineData("2022-03-06T00:27:00+08:00", "2022-03-06T00:27:00Z")]
    [InlineData("2022-03-05T16:27:00.123456789Z", "2022-03-05T16:27:00.123456788Z")]
    public void Different_instants_are_reported(string expected, string actual)
    {
        Assert.Equal("$.t", JsonValueComparer.FirstDifference($$"""{"t":"{{expected}}"}""", $$"""{"t":"{{actual}}"}""")?.Path);
    }

    [Theory]
    [InlineData("1000m", "1")]
    [InlineData("0.5", "500m")]
    [InlineData("1.5Gi", "1536Mi")]
    [InlineData("1Gi", "1073741824")]
    [InlineData("2G", "2000M")]
    public void Resource_quantities_are_compared_as_amounts(string expected, string actual)
    {
        Assert.Null(JsonValueComparer.FirstDifference($$"""{"cpu":"{{expected}}"}""", $$"""{"cpu":"{{actual}}"}"""));
    }

    [Theory]
    [InlineData("1000m", "2")]
    [InlineData("1Gi", "1G")]
    public void Different_quantities_are_reported(string expected, string actual)
    {
        Assert.Equal("$.cpu", JsonValueComparer.FirstDifference($$"""{"cpu":"{{expected}}"}""", $$"""{"cpu":"{{actual}}"}""")?.Path);
    }

    [Fact]
    public void Added_empty_values_are_accepted()
    {
        Assert.Null(JsonValueComparer.FirstDifference(
            """{"a":1}""",
            """{"a":1,"b":null,"c":{},"d":[],"e":"","f":0,"g":false,"h":{"i":null,"j":0}}"""));
    }

    [Fact]
    public void Dropped_empty_values_are_accepted()
    {
        Assert.Null(JsonValueComparer.FirstDifference("""{"a":1,"b":null,"c":{},"d":[],"e":""}""", """{"a":1}"""));
    }

    [Theory]
    [InlineData("""{"b":"x"}""")]
    [InlineData("""{"b":1}""")]
    [InlineData("""{"b":true}""")]
    [InlineData("""{"b":["x"]}""")]
    [InlineData("""{"b":{"c":"x"}}""")]
    public void Added_values_that_are_not_empty_are_reported(string actual)
    {
        Assert.Equal("$.b", JsonValueComparer.FirstDifference("{}", actual)?.Path);
    }

    [Fact]
    public void Key_order_and_number_spelling_do_not_matter()
    {
        Assert.Null(JsonValueComparer.FirstDifference("""{"a":1,"b":{"c":2.50,"d":[1,2]}}""", """{"b":{"d":[1.0,2],"c":2.5},"a":1}"""));
    }

    [Fact]
    public void Large_integers_are_compared_exactly()
    {
        Assert.NotNull(JsonValueComparer.FirstDifference("""{"n":9007199254740993}""", """{"n":9007199254740992}"""));
    }

    [Fact]
    public void Array_order_matters()
    {
        Assert.Equal("$.k[0]", JsonValueComparer.FirstDifference("""{"k":["a","b"]}""", """{"k":["b","a"]}""")?.Path);
    }
}
