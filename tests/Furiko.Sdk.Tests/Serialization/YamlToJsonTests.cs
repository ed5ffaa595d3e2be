using System.Text.Json;
using System.Text.Json.Nodes;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Tests.Serialization;

public class YamlToJsonTests
{
    [Theory]
    [InlineData("a: \"123\"", "123")]
    [InlineData("a: '123'", "123")]
    [InlineData("a: \"true\"", "true")]
    [InlineData("a: 'null'", "null")]
    [InlineData("a: \"\"", "")]
    [InlineData("a: \"0x1F\"", "0x1F")]
    [InlineData("a: '1.5'", "1.5")]
    public void Quoted_scalars_stay_strings(string yaml, string value)
    {
        AssertValue(yaml, JsonValueKind.String, $"\"{value}\"");
    }

    [Theory]
    [InlineData("a: 123", "123")]
    [InlineData("a: -7", "-7")]
    [InlineData("a: +7", "7")]
    [InlineData("a: 0", "0")]
    [InlineData("a: 007", "7")]
    [InlineData("a: 12345678901234567890", "12345678901234567890")]
    public void Plain_integers_are_numbers(string yaml, string json)
    {
        AssertValue(yaml, JsonValueKind.Number, json);
    }

    [Theory]
    [InlineData("a: 0x1F", "31")]
    [InlineData("a: 0xff", "255")]
    [InlineData("a: 0o17", "15")]
    [InlineData("a: 0o0", "0")]
    [InlineData("a: 0644", "420")]
    [InlineData("a: -0b101", "-5")]
    [InlineData("a: 1_000", "1000")]
    [InlineData("a: 18446744073709551615", "18446744073709551615")]
    public void Hex_and_octal_integers_are_numbers(string yaml, string json)
    {
        AssertValue(yaml, JsonValueKind.Number, json);
    }

    [Theory]
    [InlineData("a: 1.5", 1.5)]
    [InlineData("a: -0.25", -0.25)]
    [InlineData("a: .5", 0.5)]
    [InlineData("a: 1e3", 1000.0)]
    [InlineData("a: 2.5E-1", 0.25)]
    public void Plain_floats_are_numbers(string yaml, double value)
    {
        var node = Value(yaml);

        Assert.Equal(JsonValueKind.Number, node!.GetValueKind());
        Assert.Equal(value, node.GetValue<double>());
    }

    [Theory]
    [InlineData("a: true", JsonValueKind.True)]
    [InlineData("a: True", JsonValueKind.True)]
    [InlineData("a: TRUE", JsonValueKind.True)]
    [InlineData("a: false", JsonValueKind.False)]
    [InlineData("a: False", JsonValueKind.False)]
    public void Plain_booleans_are_booleans(string yaml, JsonValueKind kind)
    {
        Assert.Equal(kind, Value(yaml)!.GetValueKind());
    }

    [Theory]
    [InlineData("a: null")]
    [InlineData("a: Null")]
    [InlineData("a: ~")]
    [InlineData("a:")]
    public void Plain_nulls_are_null(string yaml)
    {
        var document = Single(yaml);

        Assert.True(document.ContainsKey("a"));
        Assert.Null(document["a"]);
    }

    [Theory]
    [InlineData("a: 1.2.3", "1.2.3")]
    [InlineData("a: 0b102", "0b102")]
    [InlineData("a: yess", "yess")]
    [InlineData("a: 0x", "0x")]
    [InlineData("a: 2022-03-06T00:27:00+08:00", "2022-03-06T00:27:00+08:00")]
    [InlineData("a: H/5 * * * *", "H/5 * * * *")]
    [InlineData("a: 500m", "500m")]
    public void Other_plain_scalars_are_strings(string yaml, string value)
    {
        Assert.Equal(value, Value(yaml)!.GetValue<string>());
    }

    [Theory]
    [InlineData("a: yes", true)]
    [InlineData("a: On", true)]
    [InlineData("a: y", true)]
    [InlineData("a: NO", false)]
    [InlineData("a: off", false)]
    [InlineData("a: n", false)]
    public void Yaml_1_1_booleans_read_as_kubectl_reads_them(string yaml, bool value)
    {
        Assert.Equal(value, Value(yaml)!.GetValue<bool>());
    }

    [Theory]
    [InlineData("a: 08", 8.0)]
    [InlineData("a: 99999999999999999999", 1e20)]
    [InlineData("a: -18446744073709551615", -18446744073709551615.0)]
    public void Numbers_go_rejects_as_integers_fall_back_to_floats_as_in_kubectl(string yaml, double value)
    {
        Assert.Equal(value, Value(yaml)!.GetValue<double>());
    }

    [Theory]
    [InlineData("a: !!str 5", "5")]
    [InlineData("a: !!str true", "true")]
    [InlineData("a: !!str null", "null")]
    [InlineData("a: !!str 0x1F", "0x1F")]
    public void A_str_tag_keeps_a_string(string yaml, string value)
    {
        AssertValue(yaml, JsonValueKind.String, $"\"{value}\"");
    }

    [Fact]
    public void A_multi_document_stream_gives_one_JSON_text_per_document()
    {
        var documents = YamlToJson.ConvertAll("a: 1\n---\nb: two\n---\n- 3\n");

        Assert.Equal(3, documents.Count);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":1}"""), JsonNode.Parse(documents[0])));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"b":"two"}"""), JsonNode.Parse(documents[1])));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("[3]"), JsonNode.Parse(documents[2])));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    [InlineData("---\n---\n...\n")]
    [InlineData("--- ~\n")]
    [InlineData("null\n")]
    public void Empty_documents_are_skipped(string yaml)
    {
        Assert.Empty(YamlToJson.ConvertAll(yaml));
    }

    [Fact]
    public void Empty_documents_between_others_are_skipped()
    {
        var documents = YamlToJson.ConvertAll("# header\n---\n---\na: 1\n---\n# nothing here\n---\nb: 2\n");

        Assert.Equal(2, documents.Count);
    }

    [Fact]
    public void A_stripped_block_literal_is_kept_exactly()
    {
        const string Yaml = "s: |-\n  customer_id: \"123\"\n    indented: 'x'\n\n  # not a comment\n";

        Assert.Equal("customer_id: \"123\"\n  indented: 'x'\n\n# not a comment", Value(Yaml)!.GetValue<string>());
    }

    [Fact]
    public void A_clipped_block_literal_keeps_one_final_newline()
    {
        Assert.Equal("echo a\necho b\n", Value("s: |\n  echo a\n  echo b\n\n\n")!.GetValue<string>());
    }

    [Fact]
    public void A_kept_block_literal_keeps_every_final_newline()
    {
        Assert.Equal("x\n\n", Value("s: |+\n  x\n\n")!.GetValue<string>());
    }

    [Fact]
    public void A_folded_block_joins_lines()
    {
        Assert.Equal("a b\nc", Value("s: >-\n  a\n  b\n\n  c\n")!.GetValue<string>());
    }

    [Fact]
    public void Special_characters_survive()
    {
        const string Yaml = "s: \"tab\\there, quote \\\" and unicode \\u00e9 \\U0001F600\"";

        Assert.Equal("tab\there, quote \" and unicode é 😀", Value(Yaml)!.GetValue<string>());
    }

    [Fact]
    public void Anchors_and_aliases_are_expanded()
    {
        var document = Single("base: &b {x: 1, y: [a]}\ncopy: *b\n");

        Assert.True(JsonNode.DeepEquals(document["base"], document["copy"]));
    }

    [Fact]
    public void Flow_and_block_collections_nest()
    {
        var document = Single("m:\n  k: [1, {a: b}]\n  l:\n    - x\n    - {y: 'z'}\n");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"m":{"k":[1,{"a":"b"}],"l":["x",{"y":"z"}]}}"""), document));
    }

    [Theory]
    [InlineData("a: .inf")]
    [InlineData("a: -.Inf")]
    [InlineData("a: .nan")]
    public void Floats_without_a_JSON_form_are_an_error_naming_the_path(string yaml)
    {
        var ex = Assert.Throws<FurikoSerializationException>(() => YamlToJson.ConvertAll(yaml));

        Assert.Equal("$.a", ex.Path);
    }

    [Theory]
    [InlineData("? [a]\n: 1\n")]
    [InlineData("? {a: b}\n: 1\n")]
    public void A_key_that_is_not_a_scalar_is_an_error(string yaml)
    {
        Assert.Throws<FurikoSerializationException>(() => YamlToJson.ConvertAll(yaml));
    }

    [Fact]
    public void A_duplicate_key_in_a_nested_sequence_item_names_its_path()
    {
        var ex = Assert.Throws<FurikoSerializationException>(() => YamlToJson.ConvertAll("a:\n  - b: 1\n    b: 2\n"));

        Assert.Equal("$.a[0].b", ex.Path);
    }

    private static void AssertValue(string yaml, JsonValueKind kind, string json)
    {
        var node = Value(yaml);

        Assert.Equal(kind, node!.GetValueKind());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), node), $"expected {json}, found {node.ToJsonString()}");
    }

    private static JsonNode? Value(string yaml) => Single(yaml)["a"] ?? Single(yaml)["s"];

    private static JsonObject Single(string yaml) => JsonNode.Parse(Assert.Single(YamlToJson.ConvertAll(yaml)))!.AsObject();
}
