using System.Text;

namespace Furiko.Sdk.Status;

/// <summary>
/// The 64-bit FNV-1 hash (multiply, then XOR each byte; not FNV-1a), as Go's <c>hash/fnv.New64</c> computes it,
/// and the ways mitchellh/hashstructure v2 feeds it: strings as their UTF-8 bytes, numbers as 8 little-endian
/// bytes, and two hashes combined as their 16 little-endian bytes. Each call hashes from a fresh state, as
/// hashstructure resets the hasher before every value. Pure; thread-safe; allocates nothing.
/// </summary>
internal static class Fnv1Hash64
{
    /// <summary>The FNV-1 64-bit offset basis: the hash of no bytes.</summary>
    public const ulong OffsetBasis = 14695981039346656037UL;

    private const ulong Prime = 1099511628211UL;

    /// <summary>Hashes bytes.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>Their FNV-1 hash.</returns>
    public static ulong OfBytes(ReadOnlySpan<byte> bytes)
    {
        var hash = OffsetBasis;
        foreach (var b in bytes)
        {
            hash = Step(hash, b);
        }

        return hash;
    }

    /// <summary>Hashes the UTF-8 encoding of a string, as Go hashes <c>[]byte(s)</c>.</summary>
    /// <param name="value">The string; an unpaired surrogate counts as U+FFFD, as Go's JSON decoder reads one.</param>
    /// <returns>The FNV-1 hash of its UTF-8 bytes.</returns>
    public static ulong OfString(ReadOnlySpan<char> value)
    {
        var hash = OffsetBasis;
        Span<byte> utf8 = stackalloc byte[4];
        while (!value.IsEmpty)
        {
            var c = value[0];
            if (c < 0x80)
            {
                hash = Step(hash, (byte)c);
                value = value[1..];
                continue;
            }

            // Invalid UTF-16 decodes to U+FFFD, so the encoding below always succeeds.
            Rune.DecodeFromUtf16(value, out var rune, out var consumed);
            var written = rune.EncodeToUtf8(utf8);
            for (var i = 0; i < written; i++)
            {
                hash = Step(hash, utf8[i]);
            }

            value = value[consumed..];
        }

        return hash;
    }

    /// <summary>Hashes a 64-bit number as its 8 little-endian bytes (Go's <c>binary.Write</c> of an int64 or uint64).</summary>
    /// <param name="value">The number; an int64 is passed as its two's-complement bits.</param>
    /// <returns>The FNV-1 hash.</returns>
    public static ulong OfUInt64(ulong value) => StepLittleEndian(OffsetBasis, value);

    /// <summary>Combines two hashes in order (hashstructure's <c>hashUpdateOrdered</c>).</summary>
    /// <param name="first">The first hash.</param>
    /// <param name="second">The second hash.</param>
    /// <returns>The FNV-1 hash of both, each as 8 little-endian bytes.</returns>
    public static ulong OfPair(ulong first, ulong second) => StepLittleEndian(StepLittleEndian(OffsetBasis, first), second);

    // Feeds the 8 bytes of a number, least significant first, straight from the number: no buffer to fill.
    private static ulong StepLittleEndian(ulong hash, ulong value)
    {
        for (var shift = 0; shift < 64; shift += 8)
        {
            hash = Step(hash, (byte)(value >> shift));
        }

        return hash;
    }

    private static ulong Step(ulong hash, byte b) => unchecked(hash * Prime) ^ b;
}
