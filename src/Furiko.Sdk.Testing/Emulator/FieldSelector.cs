using System.Text;
using System.Text.Json.Nodes;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>
/// A parsed <c>fieldSelector</c>: terms <c>field=value</c>, <c>field==value</c> or <c>field!=value</c> joined by
/// commas, with <c>\,</c>, <c>\=</c> and <c>\\</c> escapes. Only the fields a resource declares are accepted, as on a
/// real server (a missing field compares as the empty string, so <c>spec.nodeName=</c> selects unscheduled Pods).
/// </summary>
internal sealed class FieldSelector
{
    private readonly List<(string Field, bool Equal, string Value)> _terms;

    private FieldSelector(List<(string, bool, string)> terms) => _terms = terms;

    public static FieldSelector Everything { get; } = new([]);

    public bool IsEmpty => _terms.Count == 0;

    /// <exception cref="ApiError">400 BadRequest for a malformed term or a field the resource does not support.</exception>
    public static FieldSelector Parse(string? text, EmulatedResource resource)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var terms = new List<(string, bool, string)>();
        foreach (var term in SplitUnescaped(text))
        {
            var (field, equal, rawValue) = SplitTerm(term) ?? throw ApiError.BadRequest($"invalid selector: '{text}'; can't understand '{term}'");
            field = field.Trim();
            if (field is not ("metadata.name" or "metadata.namespace") && !resource.SelectableFields.Contains(field))
            {
                throw ApiError.BadRequest($"field label not supported: {field}");
            }

            terms.Add((resource.FieldPath(field), equal, Unescape(rawValue)));
        }

        return new FieldSelector(terms);
    }

    public bool Matches(JsonObject obj)
    {
        foreach (var (field, equal, value) in _terms)
        {
            var actual = JsonFields.FieldText(obj, field);
            if ((actual == value) != equal)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>This selector narrowed to one object name (for a watch on an object's own path).</summary>
    public FieldSelector WithName(string name) => new([.. _terms, ("metadata.name", true, name)]);

    private static List<string> SplitUnescaped(string text)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                current.Append(text[i]).Append(text[i + 1]);
                i++;
            }
            else if (text[i] == ',')
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(text[i]);
            }
        }

        parts.Add(current.ToString());
        return parts;
    }

    private static (string Field, bool Equal, string Value)? SplitTerm(string term)
    {
        for (var i = 0; i < term.Length; i++)
        {
            if (term[i] == '\\')
            {
                i++;
                continue;
            }

            if (term[i] == '!' && i + 1 < term.Length && term[i + 1] == '=')
            {
                return (term[..i], false, term[(i + 2)..]);
            }

            if (term[i] == '=')
            {
                var skip = i + 1 < term.Length && term[i + 1] == '=' ? 2 : 1;
                return (term[..i], true, term[(i + skip)..]);
            }
        }

        return null;
    }

    private static string Unescape(string value)
    {
        var result = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
            }

            result.Append(value[i]);
        }

        return result.ToString();
    }
}
