using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Furiko.Sdk.Serialization;

/// <summary>
/// Converts YAML documents to JSON text so that they can be read with the models' own converters
/// (KubernetesClient's YAML reader cannot be given converters). Scalars are typed by the YAML 1.2 core
/// schema: quoted scalars are strings; plain scalars are null, booleans, integers or floats when they look
/// like one, strings otherwise.
/// </summary>
internal static class YamlToJson
{
    private const string StrTag = "tag:yaml.org,2002:str";

    /// <summary>Parses every document of a YAML stream; empty documents are skipped.</summary>
    public static IReadOnlyList<string> ConvertAll(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new FurikoSerializationException(
                $"Malformed YAML at line {ex.Start.Line}, column {ex.Start.Column}: {Innermost(ex).Message}", null, null, ex);
        }

        var documents = new List<string>(stream.Documents.Count);
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is YamlScalarNode { Value: null or "" } || IsNullScalar(document.RootNode))
            {
                continue;
            }

            documents.Add(Convert(document.RootNode));
        }

        return documents;
    }

    private static Exception Innermost(Exception ex) => ex.InnerException is null ? ex : Innermost(ex.InnerException);

    private static bool IsNullScalar(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "~" or "null" or "Null" or "NULL" };

    private static string Convert(YamlNode root)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, root);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name })
                    {
                        throw Error(key, "a mapping key must be a plain string");
                    }

                    if (!seen.Add(name))
                    {
                        throw Error(key, $"duplicate key '{name}'");
                    }

                    writer.WritePropertyName(name);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;

            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;

            case YamlScalarNode scalar:
                WriteScalar(writer, scalar);
                break;

            default:
                throw Error(node, $"unsupported YAML node {node.NodeType}");
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == StrTag))
        {
            writer.WriteStringValue(text);
            return;
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                writer.WriteNullValue();
                return;
            case "true" or "True" or "TRUE":
                writer.WriteBooleanValue(true);
                return;
            case "false" or "False" or "FALSE":
                writer.WriteBooleanValue(false);
                return;
        }

        if (TryInteger(text, out var integer))
        {
            writer.WriteRawValue(integer, skipInputValidation: false);
        }
        else if (TryFloat(text, out var number))
        {
            if (double.IsNaN(number) || double.IsInfinity(number))
            {
                throw Error(scalar, $"'{text}' has no JSON representation");
            }

            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }

    // YAML 1.2 core schema integers: [-+]?[0-9]+, 0o[0-7]+, 0x[0-9a-fA-F]+; written as plain decimal.
    private static bool TryInteger(string text, out string json)
    {
        json = string.Empty;
        var sign = text.Length > 0 && text[0] is '+' or '-' ? 1 : 0;
        BigInteger value;
        if (IsAll(text.AsSpan(sign), char.IsAsciiDigit))
        {
            value = BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }
        else if (text.StartsWith("0x", StringComparison.Ordinal) && IsAll(text.AsSpan(2), char.IsAsciiHexDigit))
        {
            // A leading 0 keeps the hex value positive.
            value = BigInteger.Parse(string.Concat("0", text.AsSpan(2)), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }
        else if (text.StartsWith("0o", StringComparison.Ordinal) && IsAll(text.AsSpan(2), c => c is >= '0' and <= '7'))
        {
            value = BigInteger.Zero;
            foreach (var c in text.AsSpan(2))
            {
                value = (value * 8) + (c - '0');
            }
        }
        else
        {
            return false;
        }

        json = value.ToString(CultureInfo.InvariantCulture);
        return true;
    }

    // YAML 1.2 core schema floats: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?, and .inf / .nan.
    private static bool TryFloat(string text, out double value)
    {
        value = 0;
        switch (text)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                value = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF":
                value = double.NegativeInfinity;
                return true;
            case ".nan" or ".NaN" or ".NAN":
                value = double.NaN;
                return true;
        }

        var body = text.AsSpan().TrimStart("+-");
        if (body.Length == 0 || text.Length - body.Length > 1 || !(char.IsAsciiDigit(body[0]) || body[0] == '.'))
        {
            return false;
        }

        if (!IsAll(body, c => char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-'))
        {
            return false;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsAll(ReadOnlySpan<char> span, Func<char, bool> predicate)
    {
        if (span.IsEmpty)
        {
            return false;
        }

        foreach (var c in span)
        {
            if (!predicate(c))
            {
                return false;
            }
        }

        return true;
    }

    private static FurikoSerializationException Error(YamlNode node, string what) =>
        new($"Invalid YAML at line {node.Start.Line}, column {node.Start.Column}: {what}.");
}
