using Furiko.Sdk.Models;

namespace Furiko.Sdk.Status;

/// <summary>
/// Expands a Job's parallelism into its parallel indexes, in Furiko's order (FURIKO-SEMANTICS 1, "Parallel
/// indexes"). Each call returns new <see cref="ParallelIndex"/> objects that the caller owns. Pure; thread-safe.
/// </summary>
public static class ParallelIndexes
{
    /// <summary>The field path of a Job's parallelism, used in error messages: <c>spec.template.parallelism</c>.</summary>
    public const string JobFieldPath = "spec.template.parallelism";

    /// <summary>The field path of a JobConfig's parallelism: <c>spec.template.spec.parallelism</c>.</summary>
    public const string JobConfigFieldPath = "spec.template.spec.parallelism";

    /// <summary>Creates the default index <c>{indexNumber: 0}</c>, the only index of a Job without parallelism.</summary>
    /// <returns>A new index.</returns>
    public static ParallelIndex CreateDefault() => new() { IndexNumber = 0 };

    /// <summary>Expands a Job's parallelism (<c>spec.template.parallelism</c>) into its indexes.</summary>
    /// <param name="spec">The parallelism; <see langword="null"/> means none.</param>
    /// <returns>The indexes in Furiko's order; see <see cref="Generate(ParallelismSpec?, string)"/>.</returns>
    /// <exception cref="ArgumentException">The spec is invalid; the message names every faulty field and its value.</exception>
    public static IReadOnlyList<ParallelIndex> Generate(ParallelismSpec? spec) => Generate(spec, JobFieldPath);

    /// <summary>Expands a parallelism spec into its indexes.</summary>
    /// <param name="spec">The parallelism; <see langword="null"/> means none.</param>
    /// <param name="fieldPath">Where the spec sits, for error messages, for example <see cref="JobConfigFieldPath"/>.</param>
    /// <returns>
    /// No parallelism: the single default index <c>{indexNumber: 0}</c>. <c>withCount: N</c>: <c>{indexNumber: 0}</c>
    /// to <c>{indexNumber: N-1}</c>. <c>withKeys</c>: one <c>{indexKey: k}</c> per key, in list order.
    /// <c>withMatrix</c>: every combination of one value per key, with the keys in ordinal order and the last key
    /// changing fastest; each value list keeps its own order.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// The spec is invalid: none or more than one of <c>withCount</c>, <c>withKeys</c>, <c>withMatrix</c> is given
    /// (an empty list or map counts as not given, as in Furiko); <c>withCount</c> is 0 or negative; a key or a matrix
    /// value is empty or repeated; a matrix key does not match <c>^[a-z0-9_-]+$</c> or has no values; or there would
    /// be more than <see cref="Array.MaxLength"/> indexes. The message lists every problem with its field path and value.
    /// </exception>
    public static IReadOnlyList<ParallelIndex> Generate(ParallelismSpec? spec, string fieldPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fieldPath);
        if (spec is null)
        {
            return [CreateDefault()];
        }

        var problems = ParallelismSpecRules.FindProblems(spec, fieldPath);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid parallelism: {string.Join("; ", problems)}", nameof(spec));
        }

        if (spec.WithCount is { } count)
        {
            return ByCount((int)count);
        }

        return spec.WithKeys is { Count: > 0 } keys ? ByKeys(keys) : ByMatrix(spec.WithMatrix!);
    }

    private static ParallelIndex[] ByCount(int count)
    {
        var indexes = new ParallelIndex[count];
        for (var i = 0; i < count; i++)
        {
            indexes[i] = new ParallelIndex { IndexNumber = i };
        }

        return indexes;
    }

    private static ParallelIndex[] ByKeys(IList<string> keys)
    {
        var indexes = new ParallelIndex[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            indexes[i] = new ParallelIndex { IndexKey = keys[i] };
        }

        return indexes;
    }

    private static ParallelIndex[] ByMatrix(IDictionary<string, IList<string>> matrix)
    {
        // Furiko sorts the keys (Go's sort.Strings: byte order, the same as ordinal order for the ASCII keys the
        // rules allow) and counts through the value positions like an odometer, the last key turning fastest.
        var keys = matrix.Keys.Order(StringComparer.Ordinal).ToArray();
        var values = Array.ConvertAll(keys, key => matrix[key]);
        var total = values.Aggregate(1, (product, list) => product * list.Count);
        var positions = new int[keys.Length];
        var indexes = new ParallelIndex[total];
        for (var n = 0; n < total; n++)
        {
            var combination = new Dictionary<string, string>(keys.Length, StringComparer.Ordinal);
            for (var k = 0; k < keys.Length; k++)
            {
                combination[keys[k]] = values[k][positions[k]];
            }

            indexes[n] = new ParallelIndex { MatrixValues = combination };
            for (var k = keys.Length - 1; k >= 0 && ++positions[k] == values[k].Count; k--)
            {
                positions[k] = 0;
            }
        }

        return indexes;
    }
}
