using Furiko.Sdk.Models;
using Furiko.Sdk.Status;

namespace Furiko.Sdk.Tests.Status;

public class ParallelIndexKeyTests
{
    // FURIKO-SEMANTICS 7.10: the hash collides, the key does not.
    [Fact]
    public void Indexes_58_and_69_share_a_hash_but_not_a_key()
    {
        var i58 = new ParallelIndex { IndexNumber = 58 };
        var i69 = new ParallelIndex { IndexNumber = 69 };

        Assert.Equal(ParallelIndexHash.Compute(i58), ParallelIndexHash.Compute(i69));
        Assert.NotEqual(ParallelIndexKey.From(i58), ParallelIndexKey.From(i69));
    }

    public static TheoryData<string, ParallelIndex?> DefaultIndexForms() => new()
    {
        { "null", null },
        { "{indexNumber: 0}", new ParallelIndex { IndexNumber = 0 } },
        { "{}", new ParallelIndex() },
        { "empty key and matrix", new ParallelIndex { IndexKey = string.Empty, MatrixValues = new Dictionary<string, string>() } },
        { "generated for no parallelism", ParallelIndexes.Generate(null)[0] },
    };

    [Theory]
    [MemberData(nameof(DefaultIndexForms))]
    public void Every_form_of_the_default_index_has_the_default_key(string form, ParallelIndex? index)
    {
        Assert.NotNull(form);
        Assert.Equal(ParallelIndexKey.Default, ParallelIndexKey.From(index));
    }

    [Fact]
    public void Matrix_order_does_not_matter()
    {
        var goosFirst = new ParallelIndex { MatrixValues = new Dictionary<string, string> { ["goos"] = "linux", ["goarch"] = "amd64" } };
        var goarchFirst = new ParallelIndex { MatrixValues = new Dictionary<string, string> { ["goarch"] = "amd64", ["goos"] = "linux" } };

        Assert.Equal(ParallelIndexKey.From(goosFirst), ParallelIndexKey.From(goarchFirst));
        Assert.Equal(ParallelIndexKey.From(goosFirst).GetHashCode(), ParallelIndexKey.From(goarchFirst).GetHashCode());
    }

    public static TheoryData<string, ParallelIndex, ParallelIndex> DifferentIndexes() => new()
    {
        { "numbers", new ParallelIndex { IndexNumber = 1 }, new ParallelIndex { IndexNumber = 2 } },
        { "number and default", new ParallelIndex { IndexNumber = 1 }, new ParallelIndex() },
        { "keys", new ParallelIndex { IndexKey = "a" }, new ParallelIndex { IndexKey = "b" } },
        { "key and default", new ParallelIndex { IndexKey = "a" }, new ParallelIndex { IndexNumber = 0 } },
        {
            "matrix values", new ParallelIndex { MatrixValues = new Dictionary<string, string> { ["goos"] = "linux" } },
            new ParallelIndex { MatrixValues = new Dictionary<string, string> { ["goos"] = "darwin" } }
        },
        {
            "a separator inside a matrix key or value", new ParallelIndex { MatrixValues = new Dictionary<string, string> { ["a"] = "b:c" } },
            new ParallelIndex { MatrixValues = new Dictionary<string, string> { ["a:b"] = "c" } }
        },
        {
            "an empty matrix value and no matrix", new ParallelIndex { MatrixValues = new Dictionary<string, string> { ["goos"] = string.Empty } },
            new ParallelIndex()
        },
    };

    [Theory]
    [MemberData(nameof(DifferentIndexes))]
    public void Different_indexes_have_different_keys(string name, ParallelIndex left, ParallelIndex right)
    {
        Assert.NotNull(name);
        Assert.NotEqual(ParallelIndexKey.From(left), ParallelIndexKey.From(right));
    }

    [Fact]
    public void A_null_matrix_value_is_the_same_index_as_an_empty_one()
    {
        Assert.True(ParallelIndexAnnotation.TryParse("{\"matrixValues\":{\"goos\":null}}", out var index));

        var empty = new ParallelIndex { MatrixValues = new Dictionary<string, string> { ["goos"] = string.Empty } };
        Assert.Equal(ParallelIndexKey.From(empty), ParallelIndexKey.From(index));
    }
}
