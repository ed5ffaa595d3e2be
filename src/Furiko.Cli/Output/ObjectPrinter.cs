using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Furiko.Sdk.Serialization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Furiko.Cli.Output;

/// <summary>
/// Prints an object (a Job or a list of them) as indented JSON or as YAML, from the same JSON the SDK writes, so
/// every field (unknown ones included) and Furiko's timestamp layout survive. YAML is emitted from the JSON tree:
/// a string that YAML would read as something else (<c>true</c>, <c>1.5</c>, <c>null</c>, <c>~</c>, ...) is quoted.
/// Thread-safe.
/// </summary>
internal static class ObjectPrinter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes an object as indented JSON.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="value">The object (a KubernetesClient or Furiko model).</param>
    public static void WriteJson(TextWriter writer, object value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(ToNode(value).ToJsonString(Indented));
    }

    /// <summary>Writes an object as a YAML document.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="value">The object (a KubernetesClient or Furiko model).</param>
    public static void WriteYaml(TextWriter writer, object value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var emitter = new Emitter(writer);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, ToNode(value));
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
    }

    private static JsonNode ToNode(object value) =>
        JsonNode.Parse(FurikoJson.Serialize(value)) ?? throw new InvalidOperationException("The object serialized to JSON null.");

    private static void Emit(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case null:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
            case JsonObject map:
                emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
                foreach (var (key, child) in map)
                {
                    EmitString(emitter, key);
                    Emit(emitter, child);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Block));
                foreach (var child in array)
                {
                    Emit(emitter, child);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                EmitString(emitter, value.GetValue<string>());
                break;
            case JsonValue value:
                // Numbers and booleans keep their JSON spelling, which YAML reads back as the same type.
                emitter.Emit(new Scalar(null, null, value.ToJsonString(), ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
        }
    }

    private static void EmitString(IEmitter emitter, string text)
    {
        var style = NeedsQuotes(text) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;
        emitter.Emit(new Scalar(null, null, text, style, isPlainImplicit: true, isQuotedImplicit: true));
    }

    // A plain scalar that a YAML 1.1 or 1.2 reader (kubectl's go-yaml among them) would take for a boolean, null or
    // number must be quoted to stay a string; the emitter itself quotes text that is not valid as a plain scalar.
    // YAML 1.1 reads 2021-02-09 and 2021-02-09T04:04:04Z as timestamps; kubectl quotes them, and so do we.
    private static bool LooksLikeTimestamp(string text) =>
        text.Length >= 10 && text[..4].All(char.IsAsciiDigit) && text[4] == '-' && char.IsAsciiDigit(text[5]);

    private static bool NeedsQuotes(string text)
    {
        if (text.Length == 0)
        {
            return true;
        }

        switch (text.ToLowerInvariant())
        {
            case "true" or "false" or "yes" or "no" or "on" or "off" or "y" or "n" or "null" or "~" or ".inf" or "-.inf" or "+.inf" or ".nan":
                return true;
        }

        return double.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            || (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && text.Length > 2)
            || (text.StartsWith("0o", StringComparison.OrdinalIgnoreCase) && text.Length > 2)
            || (text.Contains(':', StringComparison.Ordinal) && text.All(c => char.IsAsciiDigit(c) || c == ':'))
            || LooksLikeTimestamp(text);
    }
}
