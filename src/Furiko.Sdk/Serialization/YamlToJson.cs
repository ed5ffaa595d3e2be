using System.Globalization;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Furiko.Sdk.Serialization;

/// <summary>
/// Converts YAML documents to JSON text so that they can be read with the models' own converters
/// (KubernetesClient's YAML reader cannot be given converters). Scalars are typed as kubectl types them
/// (go-yaml v2, YAML 1.1 rules): quoted scalars are strings; plain scalars are null, booleans (also
/// yes/no/on/off/y/n), integers (0644 is octal, 1_000 is 1000) or floats when they look like one, strings
/// otherwise (timestamps stay strings). Reads the parser's events directly, so every error names the JSON path it
/// occurred at, and cyclic or exploding aliases are refused instead of being expanded.
/// </summary>
internal static partial class YamlToJson
{
    /// <summary>Parses every document of a YAML stream; empty (and null) documents are skipped, as kubectl does.</summary>
    /// <exception cref="FurikoSerializationException">The YAML is malformed or has no JSON form.</exception>
    public static IReadOnlyList<string> ConvertAll(string yaml) => new StreamConverter(yaml).ConvertAll();

    private sealed partial class StreamConverter(string yaml)
    {
        private const string StrTag = "tag:yaml.org,2002:str";

        // System.Text.Json's default maximum depth: a deeper document could not be read back anyway.
        private const int MaxDepth = 64;

        // Bounds what aliases may expand to ("billion laughs"); real manifests alias a few small nodes.
        private const int MaxAliasedValues = 100_000;

        private readonly Parser _parser = new(new StringReader(yaml));
        private readonly Dictionary<string, JsonNode?> _anchors = new(StringComparer.Ordinal);
        private readonly HashSet<string> _openAnchors = new(StringComparer.Ordinal);
        private readonly List<string> _documents = [];
        private int _aliasedValues;
        private string _path = "$";

        public List<string> ConvertAll()
        {
            try
            {
                _parser.Consume<StreamStart>();
                while (!_parser.TryConsume<StreamEnd>(out _))
                {
                    _parser.Consume<DocumentStart>();
                    _anchors.Clear();
                    _path = "$";
                    var root = Read("$", 0);
                    _parser.Consume<DocumentEnd>();
                    if (root is not null)
                    {
                        _documents.Add(root.ToJsonString());
                    }
                }
            }
            catch (YamlException ex)
            {
                throw Malformed($"at line {ex.Start.Line}, column {ex.Start.Column}", Innermost(ex).Message, ex);
            }
            catch (InvalidOperationException ex)
            {
                // YamlDotNet's scanner fails this way on some unclosed flow collections.
                var position = _parser.Current is { } last ? $"after line {last.End.Line}, column {last.End.Column}" : "at line 1";
                throw Malformed(position, ex.Message, ex);
            }

            return _documents;
        }

        private JsonNode? Read(string path, int depth)
        {
            _path = path;
            if (_parser.TryConsume<AnchorAlias>(out var alias))
            {
                return Expand(alias, path, depth);
            }

            if (_parser.TryConsume<Scalar>(out var scalar))
            {
                return Remember(scalar, ScalarValue(scalar, path));
            }

            if (_parser.Accept<NodeEvent>(out var start) && start is SequenceStart or MappingStart)
            {
                if (depth >= MaxDepth)
                {
                    throw Error(start, path, $"the document is nested deeper than {MaxDepth} levels");
                }

                Open(start);
                _parser.MoveNext();
                JsonNode container = start is SequenceStart ? ReadSequence(path, depth + 1) : ReadMapping(path, depth + 1);
                Close(start);
                return Remember(start, container);
            }

            throw Error(_parser.Current!, path, "unexpected YAML content");
        }

        private JsonArray ReadSequence(string path, int depth)
        {
            var array = new JsonArray();
            while (!_parser.TryConsume<SequenceEnd>(out _))
            {
                array.Add(Read($"{path}[{array.Count}]", depth));
            }

            return array;
        }

        private JsonObject ReadMapping(string path, int depth)
        {
            var mapping = new JsonObject();
            while (!_parser.TryConsume<MappingEnd>(out _))
            {
                var keyEvent = _parser.Current!;
                if (!_parser.TryConsume<Scalar>(out var key))
                {
                    throw Error(keyEvent, path, "a mapping key must be a string, not a collection or an alias");
                }

                var childPath = JsonPathSegments.Child(path, key.Value);
                CheckUnicode(key, key.Value, childPath);
                if (mapping.ContainsKey(key.Value))
                {
                    throw Error(key, childPath, $"duplicate key '{key.Value}'");
                }

                mapping[key.Value] = Read(childPath, depth);
            }

            return mapping;
        }

        private JsonNode? Expand(AnchorAlias alias, string path, int depth)
        {
            var name = alias.Value.Value;
            if (_openAnchors.Contains(name))
            {
                throw Error(alias, path, $"alias *{name} refers to a node that contains it");
            }

            if (!_anchors.TryGetValue(name, out var target))
            {
                throw Error(alias, path, $"alias *{name} refers to no anchor defined before it");
            }

            var (values, height) = Measure(target);
            _aliasedValues += values;
            if (_aliasedValues > MaxAliasedValues)
            {
                throw Error(alias, path, $"aliases expand to more than {MaxAliasedValues} values");
            }

            if (depth + height > MaxDepth)
            {
                throw Error(alias, path, $"alias *{name} makes the document nested deeper than {MaxDepth} levels");
            }

            return target?.DeepClone();
        }

        private void Open(NodeEvent start)
        {
            if (!start.Anchor.IsEmpty)
            {
                _openAnchors.Add(start.Anchor.Value);
            }
        }

        private void Close(NodeEvent start)
        {
            if (!start.Anchor.IsEmpty)
            {
                _openAnchors.Remove(start.Anchor.Value);
            }
        }

        private JsonNode? Remember(NodeEvent node, JsonNode? value)
        {
            if (!node.Anchor.IsEmpty)
            {
                _anchors[node.Anchor.Value] = value;
            }

            return value;
        }

        private JsonNode? ScalarValue(Scalar scalar, string path)
        {
            var text = scalar.Value;
            CheckUnicode(scalar, text, path);
            if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == StrTag))
            {
                return JsonValue.Create(text);
            }

            // Plain scalars resolve as kubectl resolves them (go-yaml v2, YAML 1.1 rules), so a manifest means here
            // what it means to kubectl: yes/on/y are true, 0644 is octal 420, 1_000 is 1000.
            switch (text)
            {
                case "" or "~" or "null" or "Null" or "NULL":
                    return null;
                case "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON":
                    return JsonValue.Create(true);
                case "n" or "N" or "no" or "No" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF":
                    return JsonValue.Create(false);
                case ".nan" or ".NaN" or ".NAN" or ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF":
                    throw Error(scalar, path, $"'{text}' has no JSON representation");
            }

            if (text[0] is not (>= '0' and <= '9') and not '+' and not '-' and not '.')
            {
                return JsonValue.Create(text);
            }

            var digits = text.Replace("_", string.Empty, StringComparison.Ordinal);
            if (GoIntegerSyntax.TryParse(digits, out var integer))
            {
                // Parsed from text so that unsigned 64-bit values keep every digit.
                return JsonNode.Parse(integer.ToString(CultureInfo.InvariantCulture));
            }

            if (YamlFloat().IsMatch(digits) && double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return double.IsFinite(number)
                    ? JsonValue.Create(number)
                    : throw Error(scalar, path, $"'{text}' is too large for a JSON number");
            }

            return JsonValue.Create(text);
        }

        // A lone UTF-16 surrogate (possible through YAML's \u escapes) cannot be written as JSON.
        private void CheckUnicode(ParsingEvent where, string text, string path)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(text[i]))
                {
                    throw Error(where, path, "the text holds an unpaired UTF-16 surrogate, which is not valid Unicode");
                }
            }
        }

        // The number of values in a node and how many containers deep it goes.
        private static (int Values, int Height) Measure(JsonNode? node)
        {
            var children = node switch
            {
                JsonObject obj => obj.Select(member => member.Value),
                JsonArray array => array,
                _ => null,
            };
            if (children is null)
            {
                return (1, 0);
            }

            var (values, height) = (1, 0);
            foreach (var child in children)
            {
                var (childValues, childHeight) = Measure(child);
                values += childValues;
                height = Math.Max(height, childHeight);
            }

            return (values, height + 1);
        }

        private FurikoSerializationException Malformed(string position, string reason, Exception inner)
        {
            var where = _path == "$" ? string.Empty : $" (in {_path})";
            return new($"Document {_documents.Count}: malformed YAML {position}{where}: {reason}", null, _documents.Count, inner);
        }

        private static Exception Innermost(Exception ex) => ex.InnerException is null ? ex : Innermost(ex.InnerException);

        private FurikoSerializationException Error(ParsingEvent where, string path, string what) =>
            new($"Document {_documents.Count}: invalid YAML at {path} (line {where.Start.Line}, column {where.Start.Column}): {what}.", path, _documents.Count, null);

        // go-yaml v2's float syntax, checked after underscores are removed.
        [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
        private static partial Regex YamlFloat();
    }
}
