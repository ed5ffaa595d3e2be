using CsCheck;
using Furiko.Sdk.Models;
using Furiko.Sdk.Status;

namespace Furiko.Sdk.Tests.Status.Parallel;

public class ParallelIndexesTests
{
    [Fact]
    public void No_parallelism_gives_the_single_default_index()
    {
        var index = Assert.Single(ParallelIndexes.Generate(null));

        Assert.Equal(0, index.IndexNumber);
        Assert.Null(index.IndexKey);
        Assert.Null(index.MatrixValues);
    }

    [Fact]
    public void With_count_gives_index_numbers_0_to_N_minus_1_in_order()
    {
        var indexes = ParallelIndexes.Generate(new ParallelismSpec { WithCount = 3 });

        Assert.Equal([0L, 1L, 2L], indexes.Select(i => i.IndexNumber!.Value));
        Assert.All(indexes, i => Assert.Null(i.IndexKey));
        Assert.Equal(["gezdqo", "gi3dgn", "geytio"], indexes.Select(ParallelIndexHash.Compute));
    }

    [Fact]
    public void With_keys_gives_one_index_per_key_in_list_order()
    {
        var indexes = ParallelIndexes.Generate(new ParallelismSpec { WithKeys = ["b", "a", "c"] });

        Assert.Equal(["b", "a", "c"], indexes.Select(i => i.IndexKey));
        Assert.All(indexes, i => Assert.Null(i.IndexNumber));
        Assert.Equal(["gu4tsm", "gmytcn"], indexes.Take(2).Select(ParallelIndexHash.Compute));
    }

    // FURIKO-SEMANTICS 1: keys in ordinal order (goarch, goos), the last key varying fastest.
    [Fact]
    public void With_matrix_sorts_the_keys_and_varies_the_last_key_fastest()
    {
        var spec = new ParallelismSpec
        {
            WithMatrix = new Dictionary<string, IList<string>> { ["goos"] = ["linux", "darwin"], ["goarch"] = ["amd64", "arm64"] },
        };

        var combinations = ParallelIndexes.Generate(spec).Select(i => $"{i.MatrixValues!["goarch"]}/{i.MatrixValues["goos"]}");

        Assert.Equal(["amd64/linux", "amd64/darwin", "arm64/linux", "arm64/darwin"], combinations);
    }

    [Fact]
    public void With_matrix_first_index_hashes_to_Furikos_value()
    {
        var spec = new ParallelismSpec
        {
            WithMatrix = new Dictionary<string, IList<string>> { ["goos"] = ["linux", "darwin"], ["goarch"] = ["amd64", "arm64"] },
        };

        Assert.Equal("ge3dcm", ParallelIndexHash.Compute(ParallelIndexes.Generate(spec)[0]));
    }

    // The 2x3x4 case of Furiko's matrix_test.go.
    [Fact]
    public void A_three_key_matrix_counts_like_an_odometer()
    {
        var spec = new ParallelismSpec
        {
            WithMatrix = new Dictionary<string, IList<string>>
            {
                ["sym"] = ["!", "@", "#", "$"],
                ["key"] = ["a", "b"],
                ["num"] = ["1", "2", "3"],
            },
        };

        var combinations = ParallelIndexes.Generate(spec)
            .Select(i => i.MatrixValues!["key"] + i.MatrixValues["num"] + i.MatrixValues["sym"])
            .ToList();

        Assert.Equal(24, combinations.Count);
        Assert.Equal(["a1!", "a1@", "a1#", "a1$", "a2!"], combinations.Take(5));
        Assert.Equal("b3$", combinations[^1]);
        Assert.Equal(24, combinations.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Matrix_keys_sort_in_ordinal_order_as_Go_sorts_strings()
    {
        // Go's sort.Strings compares bytes: "a-b" (0x2D) comes before "a_b" (0x5F), so "a_b" is the last key and
        // varies fastest.
        var spec = new ParallelismSpec
        {
            WithMatrix = new Dictionary<string, IList<string>> { ["a_b"] = ["x", "y"], ["a-b"] = ["1", "2"] },
        };

        var combinations = ParallelIndexes.Generate(spec).Select(i => i.MatrixValues!["a-b"] + i.MatrixValues["a_b"]);

        Assert.Equal(["1x", "1y", "2x", "2y"], combinations);
    }

    [Fact]
    public void An_empty_keys_list_counts_as_not_given_as_in_Furiko()
    {
        var indexes = ParallelIndexes.Generate(new ParallelismSpec { WithCount = 2, WithKeys = [], WithMatrix = new Dictionary<string, IList<string>>() });

        Assert.Equal([0L, 1L], indexes.Select(i => i.IndexNumber!.Value));
    }

    [Fact]
    public void Each_call_returns_new_index_objects()
    {
        var spec = new ParallelismSpec { WithCount = 1 };

        Assert.NotSame(ParallelIndexes.Generate(spec)[0], ParallelIndexes.Generate(spec)[0]);
        Assert.NotSame(ParallelIndexes.Generate(null)[0], ParallelIndexes.Generate(null)[0]);
    }

    public static TheoryData<string, ParallelismSpec, string> InvalidSpecs() => new()
    {
        { "negative count", new ParallelismSpec { WithCount = -1 }, "spec.template.parallelism.withCount: Invalid value: -1: must be greater than 0" },
        { "zero count", new ParallelismSpec { WithCount = 0 }, "spec.template.parallelism.withCount: Invalid value: 0: must be greater than 0" },
        {
            "count beyond an array", new ParallelismSpec { WithCount = 3_000_000_000 },
            "spec.template.parallelism.withCount: Invalid value: 3000000000: must be at most 2147483591"
        },
        { "nothing given", new ParallelismSpec(), "spec.template.parallelism: Required value: must specify a parallelism type" },
        { "only empty lists", new ParallelismSpec { WithKeys = [] }, "spec.template.parallelism: Required value: must specify a parallelism type" },
        {
            "count and keys", new ParallelismSpec { WithCount = 2, WithKeys = ["a"] },
            "spec.template.parallelism.withKeys: Forbidden: cannot specify more than 1 parallelism type"
        },
        {
            "keys and matrix", new ParallelismSpec { WithKeys = ["a"], WithMatrix = new Dictionary<string, IList<string>> { ["k"] = ["v"] } },
            "spec.template.parallelism.withMatrix: Forbidden: cannot specify more than 1 parallelism type"
        },
        { "empty key", new ParallelismSpec { WithKeys = ["a", ""] }, "spec.template.parallelism.withKeys[1]: Required value: key cannot be empty" },
        { "null key", new ParallelismSpec { WithKeys = [null!] }, "spec.template.parallelism.withKeys[0]: Required value: key cannot be empty" },
        { "duplicate key", new ParallelismSpec { WithKeys = ["a", "b", "a"] }, "spec.template.parallelism.withKeys[2]: Duplicate value: \"a\"" },
        {
            "empty matrix value list", new ParallelismSpec { WithMatrix = new Dictionary<string, IList<string>> { ["goos"] = [] } },
            "spec.template.parallelism.withMatrix[goos]: Required value: must list at least one value"
        },
        {
            "null matrix value list", new ParallelismSpec { WithMatrix = new Dictionary<string, IList<string>> { ["goos"] = null! } },
            "spec.template.parallelism.withMatrix[goos]: Required value: must list at least one value"
        },
        {
            "empty matrix value", new ParallelismSpec { WithMatrix = new Dictionary<string, IList<string>> { ["goos"] = ["linux", ""] } },
            "spec.template.parallelism.withMatrix[goos][1]: Required value: value cannot be empty"
        },
        {
            "duplicate matrix value", new ParallelismSpec { WithMatrix = new Dictionary<string, IList<string>> { ["goos"] = ["linux", "linux"] } },
            "spec.template.parallelism.withMatrix[goos][1]: Duplicate value: \"linux\""
        },
        {
            "matrix key outside Furiko's pattern", new ParallelismSpec { WithMatrix = new Dictionary<string, IList<string>> { ["GOOS"] = ["linux"] } },
            "spec.template.parallelism.withMatrix: Invalid value: \"GOOS\": withMatrix key must match regexp: ^[a-z0-9_-]+$"
        },
    };

    [Theory]
    [MemberData(nameof(InvalidSpecs))]
    public void An_invalid_spec_is_an_argument_exception_naming_the_field_and_value(string name, ParallelismSpec spec, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => ParallelIndexes.Generate(spec));

        Assert.NotNull(name);
        Assert.Equal("spec", ex.ParamName);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_listed_in_one_exception()
    {
        var spec = new ParallelismSpec { WithKeys = ["", "a", "a"] };

        var ex = Assert.Throws<ArgumentException>(() => ParallelIndexes.Generate(spec));

        Assert.StartsWith(
            "Invalid parallelism: spec.template.parallelism.withKeys[0]: Required value: key cannot be empty; "
            + "spec.template.parallelism.withKeys[2]: Duplicate value: \"a\"",
            ex.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_matrix_whose_combinations_overflow_is_rejected_before_allocating()
    {
        var values = Enumerable.Range(0, 1000).Select(i => $"v{i}").ToList();
        var matrix = new Dictionary<string, IList<string>> { ["a"] = values, ["b"] = values, ["c"] = values, ["d"] = values };

        var ex = Assert.Throws<ArgumentException>(() => ParallelIndexes.Generate(new ParallelismSpec { WithMatrix = matrix }));

        Assert.Contains("spec.template.parallelism.withMatrix: Invalid value: 4 keys: the combinations must number at most 2147483591", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_field_path_can_be_a_JobConfigs()
    {
        var ex = Assert.Throws<ArgumentException>(() => ParallelIndexes.Generate(new ParallelismSpec { WithCount = -3 }, ParallelIndexes.JobConfigFieldPath));

        Assert.Contains("spec.template.spec.parallelism.withCount: Invalid value: -3: must be greater than 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_count_n_gives_n_distinct_index_keys() =>
        Gen.Int[1, 300].Sample(n =>
        {
            var indexes = ParallelIndexes.Generate(new ParallelismSpec { WithCount = n });

            return indexes.Count == n
                && indexes.Select(ParallelIndexKey.From).Distinct().Count() == n
                && indexes.Select((index, i) => index.IndexNumber == i).All(ok => ok);
        });

    [Fact]
    public void With_matrix_gives_every_combination_once() =>
        Gen.Select(Gen.Int[1, 4], Gen.Int[1, 4], Gen.Int[1, 3]).Sample((x, y, z) =>
        {
            var matrix = new Dictionary<string, IList<string>>
            {
                ["x"] = Enumerable.Range(0, x).Select(i => $"x{i}").ToList(),
                ["y"] = Enumerable.Range(0, y).Select(i => $"y{i}").ToList(),
                ["z"] = Enumerable.Range(0, z).Select(i => $"z{i}").ToList(),
            };

            var indexes = ParallelIndexes.Generate(new ParallelismSpec { WithMatrix = matrix });

            return indexes.Count == x * y * z
                && indexes.Select(ParallelIndexKey.From).Distinct().Count() == x * y * z
                && indexes.All(i => i.MatrixValues!.Count == 3);
        });
}
