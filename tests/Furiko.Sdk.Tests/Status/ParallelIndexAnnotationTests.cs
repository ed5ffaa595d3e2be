using Furiko.Sdk.Models;
using Furiko.Sdk.Status;

namespace Furiko.Sdk.Tests.Status;

public class ParallelIndexAnnotationTests
{
    public static TheoryData<string, ParallelIndex> FurikoValues() => new()
    {
        { "{\"indexNumber\":0}", new ParallelIndex { IndexNumber = 0 } },
        { "{\"indexNumber\":69}", new ParallelIndex { IndexNumber = 69 } },
        { "{\"indexKey\":\"a\"}", new ParallelIndex { IndexKey = "a" } },
        {
            "{\"matrixValues\":{\"goarch\":\"amd64\",\"goos\":\"linux\"}}",
            new ParallelIndex { MatrixValues = new Dictionary<string, string> { ["goos"] = "linux", ["goarch"] = "amd64" } }
        },
    };

    [Theory]
    [MemberData(nameof(FurikoValues))]
    public void Format_writes_the_compact_JSON_Furiko_writes(string expected, ParallelIndex index) =>
        Assert.Equal(expected, ParallelIndexAnnotation.Format(index));

    [Theory]
    [MemberData(nameof(FurikoValues))]
    public void TryParse_reads_Furikos_value_back_to_the_same_index(string value, ParallelIndex expected)
    {
        Assert.True(ParallelIndexAnnotation.TryParse(value, out var index));

        Assert.Equal(ParallelIndexKey.From(expected), ParallelIndexKey.From(index));
        Assert.Equal(ParallelIndexHash.Compute(expected), ParallelIndexHash.Compute(index));
        Assert.Equal(value, ParallelIndexAnnotation.Format(index!));
    }

    [Fact]
    public void Every_generated_index_survives_a_round_trip()
    {
        var specs = new[]
        {
            new ParallelismSpec { WithCount = 5 },
            new ParallelismSpec { WithKeys = ["a", "b", "with space", "ünïcode"] },
            new ParallelismSpec { WithMatrix = new Dictionary<string, IList<string>> { ["goos"] = ["linux", "darwin"], ["goarch"] = ["amd64", "arm64"] } },
        };

        foreach (var index in specs.SelectMany(spec => ParallelIndexes.Generate(spec)))
        {
            Assert.True(ParallelIndexAnnotation.TryParse(ParallelIndexAnnotation.Format(index), out var read));
            Assert.Equal(ParallelIndexKey.From(index), ParallelIndexKey.From(read));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"gezdqo\"")]
    [InlineData("{\"indexNumber\":\"zero\"}")]
    [InlineData("{\"indexNumber\":1.5}")]
    [InlineData("{\"indexKey\":7}")]
    [InlineData("{\"matrixValues\":[\"linux\"]}")]
    [InlineData("{\"indexNumber\":0}trailing")]
    public void TryParse_returns_false_for_a_malformed_value(string? value)
    {
        Assert.False(ParallelIndexAnnotation.TryParse(value, out var index));
        Assert.Null(index);
    }
}
