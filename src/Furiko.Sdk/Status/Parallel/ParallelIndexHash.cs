using System.Globalization;
using Furiko.Sdk.Models;

namespace Furiko.Sdk.Status;

/// <summary>
/// Computes the six-character hash of a parallel index that Furiko puts in task (Pod) names and in the
/// <c>execution.furiko.io/task-parallel-index-hash</c> label, for example <c>gezdqo</c> for the default index
/// (FURIKO-SEMANTICS 1, "Task names and parallel index hashes"). The hash collides (indexes 58 and 69 both give
/// <c>ge3dqm</c>), so use it for names only and <see cref="ParallelIndexKey"/> to tell indexes apart.
/// Pure; thread-safe; the only allocation is the returned string.
/// </summary>
/// <remarks>
/// The value hashed is Furiko's Go struct <c>ParallelIndex{IndexNumber *int64; IndexKey string;
/// MatrixValues map[string]string}</c>, hashed with mitchellh/hashstructure v2 in FormatV2 over 64-bit FNV-1.
/// Fields the SDK keeps but Furiko's struct lacks (<see cref="Serialization.ExtensibleModel.UnknownFields"/>)
/// take no part, so the hash matches the one Furiko computed for the same index.
/// </remarks>
public static class ParallelIndexHash
{
    /// <summary>The number of characters in a hash.</summary>
    public const int Length = 6;

    // RFC 4648 base32 alphabet, already lower-cased as Furiko lower-cases the encoded text.
    private const string Base32Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    // hashstructure hashes the type name first, then each field name; these never change.
    private static readonly ulong TypeNameHash = Fnv1Hash64.OfString("ParallelIndex");
    private static readonly ulong IndexNumberNameHash = Fnv1Hash64.OfString("IndexNumber");
    private static readonly ulong IndexKeyNameHash = Fnv1Hash64.OfString("IndexKey");
    private static readonly ulong MatrixValuesNameHash = Fnv1Hash64.OfString("MatrixValues");

    // The (name, value) hashes of an empty key and of an empty matrix, which most indexes have (withCount gives only
    // numbers): computed once, they spare each index about half of its hashing.
    private static readonly ulong EmptyIndexKeyFieldHash = Fnv1Hash64.OfPair(IndexKeyNameHash, Fnv1Hash64.OfString(string.Empty));
    private static readonly ulong EmptyMatrixValuesFieldHash = Fnv1Hash64.OfPair(MatrixValuesNameHash, HashMatrix(null));

    /// <summary>The hash of the default index <c>{indexNumber: 0}</c> of a Job without parallelism: <c>gezdqo</c>.</summary>
    public static string Default { get; } = Format(ComputeValue(null));

    /// <summary>Computes the hash of a parallel index.</summary>
    /// <param name="index">The index; <see langword="null"/> means the default index <c>{indexNumber: 0}</c>.</param>
    /// <returns>
    /// Six lower-case base32 characters (<c>a</c>-<c>z</c>, <c>2</c>-<c>7</c>), for example <c>gi3dgn</c> for index 1.
    /// (Only a structural hash below 1000, about one chance in 10^16, would end in <c>=</c> padding, as in Furiko.)
    /// </returns>
    public static string Compute(ParallelIndex? index) => index is null ? Default : Format(ComputeValue(index));

    /// <summary>Writes the hash of a parallel index, for building names without an intermediate string.</summary>
    /// <param name="index">The index; <see langword="null"/> means the default index.</param>
    /// <param name="destination">Receives exactly <see cref="Length"/> characters.</param>
    internal static void WriteTo(ParallelIndex? index, Span<char> destination)
    {
        if (index is null)
        {
            Default.AsSpan().CopyTo(destination);
            return;
        }

        WriteText(ComputeValue(index), destination);
    }

    /// <summary>
    /// The 64-bit structural hash before it is turned into text: hashstructure v2's <c>Hash(index, FormatV2, nil)</c>.
    /// </summary>
    /// <param name="index">The index; <see langword="null"/> means the default index.</param>
    /// <returns>The hash.</returns>
    internal static ulong ComputeValue(ParallelIndex? index)
    {
        // A nil *int64 hashes as the zero value, so an unset number and 0 are the same (FURIKO-SEMANTICS 1).
        var numberHash = Fnv1Hash64.OfUInt64(unchecked((ulong)(index?.IndexNumber ?? 0)));
        var keyFieldHash = string.IsNullOrEmpty(index?.IndexKey)
            ? EmptyIndexKeyFieldHash
            : Fnv1Hash64.OfPair(IndexKeyNameHash, Fnv1Hash64.OfString(index.IndexKey));
        var matrixFieldHash = index?.MatrixValues is { Count: > 0 } matrix
            ? Fnv1Hash64.OfPair(MatrixValuesNameHash, HashMatrix(matrix))
            : EmptyMatrixValuesFieldHash;

        // hashstructure v2 XORs each field's (name, value) hash into the running value and then re-hashes the
        // running value after every field (its FormatV2 "finish" step sits inside the field loop), so in effect the
        // fields are combined in declaration order.
        var hash = TypeNameHash;
        hash = Fnv1Hash64.OfUInt64(hash ^ Fnv1Hash64.OfPair(IndexNumberNameHash, numberHash));
        hash = Fnv1Hash64.OfUInt64(hash ^ keyFieldHash);
        hash = Fnv1Hash64.OfUInt64(hash ^ matrixFieldHash);
        return hash;
    }

    private static ulong HashMatrix(IDictionary<string, string>? values)
    {
        // A map hashes each (key, value) pair in order and XORs the pairs, so its order does not matter; then the
        // XOR is re-hashed once. A nil map and an empty map both hash as the re-hash of 0.
        ulong pairs = 0;
        if (values is Dictionary<string, string> dictionary)
        {
            // The concrete type's struct enumerator avoids boxing one per index on this hot path.
            foreach (var (key, value) in dictionary)
            {
                pairs ^= HashPair(key, value);
            }
        }
        else if (values is not null)
        {
            foreach (var (key, value) in values)
            {
                pairs ^= HashPair(key, value);
            }
        }

        return Fnv1Hash64.OfUInt64(pairs);
    }

    // Go has no null strings: a JSON null in a map[string]string reads as "", which is what a null span hashes as.
    private static ulong HashPair(string key, string? value) =>
        Fnv1Hash64.OfPair(Fnv1Hash64.OfString(key), Fnv1Hash64.OfString(value));

    private static string Format(ulong value)
    {
        Span<char> text = stackalloc char[Length];
        WriteText(value, text);
        return new string(text);
    }

    private static void WriteText(ulong value, Span<char> destination)
    {
        // Furiko prints the number in decimal, base32-encodes that text (standard alphabet, '=' padding) and keeps
        // the first six characters. Six base32 characters use only the first 30 bits, which lie in the first four
        // digits; one 5-byte base32 block is enough whatever the number of digits.
        Span<byte> digits = stackalloc byte[20];
        value.TryFormat(digits, out var digitCount, default, CultureInfo.InvariantCulture);

        var blockLength = Math.Min(digitCount, 5);
        ulong block = 0;
        for (var i = 0; i < 5; i++)
        {
            block = (block << 8) | (i < blockLength ? digits[i] : 0UL);
        }

        // n bytes encode to ceil(8n/5) characters; the rest of the 8-character group is padding.
        var encodedCount = ((blockLength * 8) + 4) / 5;
        for (var i = 0; i < Length; i++)
        {
            destination[i] = i < encodedCount ? Base32Alphabet[(int)((block >> (35 - (5 * i))) & 31)] : '=';
        }
    }
}
