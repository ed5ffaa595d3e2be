using System.Text;
using CsCheck;
using Furiko.Sdk.Models;
using Furiko.Sdk.Status;

namespace Furiko.Sdk.Tests.Status.Parallel;

public class ParallelIndexHashTests
{
    // FURIKO-SEMANTICS 1: index 0 is asserted by Furiko's own tests; the others come from two independent
    // reimplementations.
    [Theory]
    [InlineData(0L, "gezdqo")]
    [InlineData(1L, "gi3dgn")]
    [InlineData(2L, "geytio")]
    [InlineData(3L, "ge2tkn")]
    [InlineData(58L, "ge3dqm")]
    [InlineData(69L, "ge3dqm")]
    public void Index_number_hashes_to_Furikos_value(long number, string expected) =>
        Assert.Equal(expected, ParallelIndexHash.Compute(new ParallelIndex { IndexNumber = number }));

    [Theory]
    [InlineData("a", "gmytcn")]
    [InlineData("b", "gu4tsm")]
    public void Index_key_hashes_to_Furikos_value(string key, string expected) =>
        Assert.Equal(expected, ParallelIndexHash.Compute(new ParallelIndex { IndexKey = key }));

    [Fact]
    public void Matrix_values_hash_to_Furikos_value_in_either_order()
    {
        var goosFirst = new ParallelIndex { MatrixValues = new Dictionary<string, string> { ["goos"] = "linux", ["goarch"] = "amd64" } };
        var goarchFirst = new ParallelIndex { MatrixValues = new Dictionary<string, string> { ["goarch"] = "amd64", ["goos"] = "linux" } };

        Assert.Equal("ge3dcm", ParallelIndexHash.Compute(goosFirst));
        Assert.Equal("ge3dcm", ParallelIndexHash.Compute(goarchFirst));
    }

    [Fact]
    public void Changing_one_matrix_value_changes_the_hash()
    {
        var amd64 = new ParallelIndex { MatrixValues = new Dictionary<string, string> { ["goos"] = "linux", ["goarch"] = "amd64" } };
        var arm64 = new ParallelIndex { MatrixValues = new Dictionary<string, string> { ["goos"] = "linux", ["goarch"] = "arm64" } };

        Assert.NotEqual(ParallelIndexHash.Compute(amd64), ParallelIndexHash.Compute(arm64));
    }

    public static TheoryData<string, ParallelIndex?> DefaultIndexForms() => new()
    {
        { "null", null },
        { "{indexNumber: 0}", new ParallelIndex { IndexNumber = 0 } },
        { "{}", new ParallelIndex() },
        { "all fields empty", new ParallelIndex { IndexNumber = 0, IndexKey = string.Empty, MatrixValues = new Dictionary<string, string>() } },
    };

    // hashstructure hashes a nil *int64 as 0, "" as no bytes and a nil map like an empty one.
    [Theory]
    [MemberData(nameof(DefaultIndexForms))]
    public void Every_form_of_the_default_index_hashes_to_gezdqo(string form, ParallelIndex? index)
    {
        Assert.NotNull(form);
        Assert.Equal("gezdqo", ParallelIndexHash.Compute(index));
    }

    [Fact]
    public void Default_is_the_hash_of_the_default_index() => Assert.Equal("gezdqo", ParallelIndexHash.Default);

    [Fact]
    public void Indexes_0_to_99_give_97_distinct_hashes()
    {
        var hashes = Enumerable.Range(0, 100).Select(i => ParallelIndexHash.Compute(new ParallelIndex { IndexNumber = i })).ToList();

        Assert.Equal(97, hashes.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(hashes[58], hashes[69]);
    }

    // Values below were produced by a separate model of the algorithm (Python, hashing UTF-8 bytes with FNV-1); they
    // pin the parts Furiko's known values do not reach: negative numbers, several fields at once, non-ASCII text.
    [Theory]
    [InlineData(-1L, null, "ge3dem")]
    [InlineData(long.MaxValue, null, "gq3dqn")]
    [InlineData(long.MinValue, null, "gezdcm")]
    [InlineData(1L, "a", "geytio")]
    [InlineData(null, "key", "gezdem")]
    [InlineData(null, "é", "ge2tsn")]
    [InlineData(null, "😀", "ha4tso")]
    [InlineData(null, "\uFFFD", "gyydio")]
    public void Other_indexes_hash_as_the_reference_model_does(long? number, string? key, string expected) =>
        Assert.Equal(expected, ParallelIndexHash.Compute(new ParallelIndex { IndexNumber = number, IndexKey = key }));

    [Fact]
    public void An_unpaired_surrogate_hashes_as_the_replacement_character_as_Go_decodes_it() =>
        Assert.Equal(
            ParallelIndexHash.Compute(new ParallelIndex { IndexKey = "\uFFFD" }),
            ParallelIndexHash.Compute(new ParallelIndex { IndexKey = "\uD800" }));

    [Fact]
    public void A_three_key_matrix_hashes_as_the_reference_model_does()
    {
        var index = new ParallelIndex { MatrixValues = new Dictionary<string, string> { ["sym"] = "!", ["key"] = "a", ["num"] = "1" } };

        Assert.Equal("gm4tkm", ParallelIndexHash.Compute(index));
    }

    [Fact]
    public void A_null_matrix_value_hashes_as_an_empty_string_as_Go_reads_a_JSON_null()
    {
        var nullValue = new ParallelIndex { MatrixValues = new Dictionary<string, string> { ["goos"] = null! } };
        var emptyValue = new ParallelIndex { MatrixValues = new Dictionary<string, string> { ["goos"] = string.Empty } };

        Assert.Equal("gm3tem", ParallelIndexHash.Compute(emptyValue));
        Assert.Equal("gm3tem", ParallelIndexHash.Compute(nullValue));
    }

    [Fact]
    public void Fields_Furikos_struct_lacks_take_no_part()
    {
        var index = ParallelIndexAnnotationRead("{\"indexNumber\":1,\"newerField\":\"x\"}");

        Assert.NotNull(index.UnknownFields);
        Assert.Equal("gi3dgn", ParallelIndexHash.Compute(index));
    }

    [Fact]
    public void The_structural_hash_of_the_default_index_is_the_reference_value() =>
        Assert.Equal(12897811645590379685UL, ParallelIndexHash.ComputeValue(null));

    [Fact]
    public void Every_hash_is_six_lower_case_base32_characters() =>
        Gen.Select(Gen.Long.Nullable(), Gen.String.Null(), MatrixGen)
            .Sample((number, key, matrix) =>
            {
                var hash = ParallelIndexHash.Compute(new ParallelIndex { IndexNumber = number, IndexKey = key, MatrixValues = matrix });
                return hash.Length == ParallelIndexHash.Length && hash.All(c => c is (>= 'a' and <= 'z') or (>= '2' and <= '7'));
            });

    [Fact]
    public void Indexes_with_equal_keys_have_equal_hashes() =>
        Gen.Select(Gen.Long.Nullable(), Gen.Char["ab"].Array[0, 2].Select(chars => new string(chars)).Null(), MatrixGen)
            .Sample((number, key, matrix) =>
            {
                var index = new ParallelIndex { IndexNumber = number, IndexKey = key, MatrixValues = matrix };

                // Same value, written the way the default serializer would normalise it.
                var same = new ParallelIndex
                {
                    IndexNumber = number ?? 0,
                    IndexKey = string.IsNullOrEmpty(key) ? null : key,
                    MatrixValues = matrix is { Count: > 0 } ? matrix.Reverse().ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal) : null,
                };

                return ParallelIndexKey.From(index) == ParallelIndexKey.From(same)
                    && ParallelIndexHash.Compute(index) == ParallelIndexHash.Compute(same);
            });

    [Fact]
    public void Hashing_is_consistent_when_done_from_many_threads()
    {
        var indexes = Enumerable.Range(0, 1000).Select(i => new ParallelIndex { IndexNumber = i }).ToArray();
        var expected = indexes.Select(ParallelIndexHash.Compute).ToArray();

        var results = new string[indexes.Length];
        System.Threading.Tasks.Parallel.For(0, indexes.Length, i => results[i] = ParallelIndexHash.Compute(indexes[i]));

        Assert.Equal(expected, results);
    }

    [Fact]
    public void Hashing_allocates_only_the_returned_string()
    {
        var number = new ParallelIndex { IndexNumber = 42, IndexKey = "ünïcode" };
        var matrix = new ParallelIndex { MatrixValues = new Dictionary<string, string> { ["goos"] = "linux", ["goarch"] = "amd64" } };
        ParallelIndexHash.Compute(number);
        ParallelIndexHash.Compute(matrix);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            ParallelIndexHash.Compute(number);
            ParallelIndexHash.Compute(matrix);
        }

        // A six-character string takes 40 bytes on 64-bit .NET.
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 2000 * 48);
    }

    private static readonly Gen<Dictionary<string, string>?> MatrixGen =
        Gen.Select(Gen.Char["abcxyz"].Array[1, 3].Select(chars => new string(chars)), Gen.String[0, 4]).List[0, 3]
            .Select(pairs => pairs.Count == 0
                ? null
                : pairs.DistinctBy(p => p.Item1, StringComparer.Ordinal).ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal));

    private static ParallelIndex ParallelIndexAnnotationRead(string json)
    {
        Assert.True(ParallelIndexAnnotation.TryParse(json, out var index));
        return index!;
    }

    [Fact]
    public void Fnv1_matches_the_published_test_vectors()
    {
        Assert.Equal(0xcbf29ce484222325UL, Fnv1Hash64.OfBytes([]));
        Assert.Equal(0xaf63bd4c8601b7beUL, Fnv1Hash64.OfBytes("a"u8));
        Assert.Equal(0x340d8765a4dda9c2UL, Fnv1Hash64.OfBytes("foobar"u8));
        Assert.Equal(Fnv1Hash64.OfBytes(Encoding.UTF8.GetBytes("héllo 😀")), Fnv1Hash64.OfString("héllo 😀"));
    }
}
