using Furiko.Cli.Output;
using Furiko.Sdk.Models;
using Furiko.Sdk.Serialization;

namespace Furiko.Cli.Tests.Output;

public class ObjectPrinterTests
{
    [Theory]
    [InlineData("true")]
    [InlineData("False")]
    [InlineData("yes")]
    [InlineData("off")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("")]
    [InlineData("123")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("0x1F")]
    [InlineData("12:30:00")]
    [InlineData("2021-02-09")]
    [InlineData("a: b")]
    [InlineData("#comment")]
    [InlineData("- item")]
    [InlineData("multi\nline")]
    public void Strings_that_YAML_would_read_otherwise_stay_strings(string value)
    {
        var job = TestJobs.New("job");
        job.Metadata.Labels = new Dictionary<string, string> { ["value"] = value };
        using var writer = new StringWriter();

        ObjectPrinter.WriteYaml(writer, job);

        Assert.Equal(value, FurikoManifest.LoadSingle<Job>(writer.ToString()).Metadata.Labels["value"]);
    }

    [Fact]
    public void Plain_strings_are_written_plain()
    {
        var job = TestJobs.New("my-job");
        using var writer = new StringWriter();

        ObjectPrinter.WriteYaml(writer, job);

        Assert.Contains("  name: my-job", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_fields_survive_printing()
    {
        var job = FurikoJson.Deserialize<Job>("""{"apiVersion":"execution.furiko.io/v1alpha1","kind":"Job","metadata":{"name":"j"},"spec":{"fromTheFuture":{"x":[1,true,null]}}}""");
        using var json = new StringWriter();
        using var yaml = new StringWriter();

        ObjectPrinter.WriteJson(json, job);
        ObjectPrinter.WriteYaml(yaml, job);

        Assert.Contains("\"fromTheFuture\"", json.ToString(), StringComparison.Ordinal);
        var back = FurikoManifest.LoadSingle<Job>(yaml.ToString());
        Assert.Contains("""
            "fromTheFuture":{"x":[1,true,null]}
            """, FurikoJson.Serialize(back), StringComparison.Ordinal);
    }
}
