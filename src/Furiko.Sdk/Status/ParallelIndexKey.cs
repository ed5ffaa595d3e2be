using System.Text;
using Furiko.Sdk.Models;

namespace Furiko.Sdk.Status;

/// <summary>
/// The value of a parallel index, for grouping tasks into indexes and comparing indexes. Unlike the
/// six-character hash in task names, which collides (indexes 58 and 69 share <c>ge3dqm</c>), two keys are
/// equal only when the indexes are (FURIKO-SEMANTICS 7.10). As in Furiko's hash, an unset index number counts
/// as 0, an empty key as unset, and an empty matrix as unset. Immutable; thread-safe.
/// </summary>
public readonly record struct ParallelIndexKey
{
    private ParallelIndexKey(long number, string key, string matrix)
    {
        Number = number;
        Key = key;
        Matrix = matrix;
    }

    /// <summary>The key of the default index <c>{indexNumber: 0}</c> of a Job without parallelism.</summary>
    public static ParallelIndexKey Default { get; } = new(0, string.Empty, string.Empty);

    /// <summary>The index number (0 when unset).</summary>
    public long Number { get; }

    /// <summary>The index key (empty when unset).</summary>
    public string Key { get; }

    /// <summary>The matrix values in a canonical form: keys in ordinal order (empty when unset).</summary>
    public string Matrix { get; }

    /// <summary>The key of an index; <see langword="null"/> means the default index.</summary>
    /// <param name="index">The parallel index.</param>
    /// <returns>Its key.</returns>
    public static ParallelIndexKey From(ParallelIndex? index)
    {
        if (index is null)
        {
            return Default;
        }

        var matrix = string.Empty;
        if (index.MatrixValues is { Count: > 0 } values)
        {
            var builder = new StringBuilder();
            foreach (var (key, value) in values.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                // A JSON null value reads as "" in Furiko (Go has no null strings), so it is the same index.
                var text = value ?? string.Empty;

                // Length prefixes keep the encoding unambiguous whatever the keys and values contain.
                builder.Append(key.Length).Append(':').Append(key).Append(text.Length).Append(':').Append(text);
            }

            matrix = builder.ToString();
        }

        return new ParallelIndexKey(index.IndexNumber ?? 0, index.IndexKey ?? string.Empty, matrix);
    }
}
