namespace Furiko.Sdk.Testing.Emulator;

/// <summary>
/// Makes UIDs and <c>generateName</c> names from a seeded random source, so the same test sees the same values
/// every run. Not thread-safe: the caller holds the server's lock.
/// </summary>
internal sealed class ObjectNames
{
    // The API server's suffix alphabet: no vowels (no accidental words) and no look-alike characters.
    private const string SuffixAlphabet = "bcdfghjklmnpqrstvwxz2456789";
    private const int SuffixLength = 5;
    private const int MaxPrefixLength = 63 - SuffixLength;
    private readonly Random _random;

    public ObjectNames(int seed) =>
#pragma warning disable CA5394 // Predictable on purpose: names and UIDs must repeat between test runs.
        _random = new Random(seed);

    public string NewUid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }

    /// <summary>The prefix (cut to 58 characters) followed by five random characters, as the API server generates names.</summary>
    public string Generate(string prefix)
    {
        if (prefix.Length > MaxPrefixLength)
        {
            prefix = prefix[..MaxPrefixLength];
        }

        Span<char> suffix = stackalloc char[SuffixLength];
        for (var i = 0; i < suffix.Length; i++)
        {
            suffix[i] = SuffixAlphabet[_random.Next(SuffixAlphabet.Length)];
        }

        return prefix + new string(suffix);
    }
#pragma warning restore CA5394
}
