using System.Numerics;

namespace Furiko.Sdk.Serialization;

/// <summary>
/// Reads an integer the way Go's <c>strconv.ParseInt(s, 0, 64)</c> and then <c>ParseUint(s, 0, 64)</c> do, which is
/// how kubectl's YAML reader (go-yaml v2) types plain scalars: an optional sign, then <c>0x</c> hexadecimal,
/// <c>0o</c> or a bare leading <c>0</c> octal (so <c>0644</c> is 420), <c>0b</c> binary, or decimal; the value must fit
/// a signed 64-bit integer, or an unsigned one when there is no sign. Thread-safe.
/// </summary>
internal static class GoIntegerSyntax
{
    private static readonly BigInteger Int64Min = long.MinValue;
    private static readonly BigInteger Int64Max = long.MaxValue;
    private static readonly BigInteger UInt64Max = ulong.MaxValue;

    public static bool TryParse(string text, out BigInteger value)
    {
        value = BigInteger.Zero;
        var span = text.AsSpan();
        var signed = span.Length > 0 && span[0] is '+' or '-';
        var negative = signed && span[0] == '-';
        if (signed)
        {
            span = span[1..];
        }

        var radix = 10;
        if (span.Length > 1 && span[0] == '0')
        {
            radix = char.ToLowerInvariant(span[1]) switch
            {
                'x' => 16,
                'o' => 8,
                'b' => 2,
                _ => 0,
            };

            // A bare leading 0 means octal, with the 0 itself a digit: 0644.
            span = radix == 0 ? span[1..] : span[2..];
            radix = radix == 0 ? 8 : radix;
        }

        if (span.IsEmpty)
        {
            return false;
        }

        foreach (var c in span)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => int.MaxValue,
            };
            if (digit >= radix)
            {
                return false;
            }

            value = (value * radix) + digit;
        }

        if (negative)
        {
            value = -value;
        }

        return value >= Int64Min && (value <= Int64Max || (!signed && value <= UInt64Max));
    }
}
