using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Tests.Serialization;

public class ExampleManifestRoundTripTests
{
    [Theory]
    [MemberData(nameof(Names))]
    public void Every_example_converted_to_JSON_round_trips_by_value(string name)
    {
        var json = Assert.Single(FurikoManifest.ToJsonDocuments(File.ReadAllText(FurikoFiles.Example(name))));

        var model = Assert.Single(FurikoManifest.Load(json));

        JsonValueComparer.AssertEquivalent(json, FurikoJson.Serialize(model));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_example_loads_the_same_from_YAML_and_from_JSON(string name)
    {
        var yaml = File.ReadAllText(FurikoFiles.Example(name));
        var json = Assert.Single(FurikoManifest.ToJsonDocuments(yaml));

        var fromYaml = FurikoJson.Serialize(Assert.Single(FurikoManifest.Load(yaml)));
        var fromJson = FurikoJson.Serialize(Assert.Single(FurikoManifest.Load(json)));

        Assert.Equal(fromJson, fromYaml);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Writing_an_example_twice_gives_the_same_text(string name)
    {
        var once = FurikoJson.Serialize(Assert.Single(FurikoManifest.Load(File.ReadAllText(FurikoFiles.Example(name)))));

        var twice = FurikoJson.Serialize(Assert.Single(FurikoManifest.Load(once)));

        Assert.Equal(once, twice);
    }

    public static TheoryData<string> Names() => FurikoFiles.ExampleNames();
}
