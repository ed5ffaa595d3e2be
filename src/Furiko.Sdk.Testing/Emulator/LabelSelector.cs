using System.Globalization;
using System.Text.RegularExpressions;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>
/// A parsed <c>labelSelector</c> query parameter with the API server's grammar: <c>k=v</c>, <c>k==v</c>,
/// <c>k!=v</c>, <c>k in (a,b)</c>, <c>k notin (a,b)</c>, <c>k</c> (exists), <c>!k</c> (does not exist), <c>k&gt;n</c>,
/// <c>k&lt;n</c>, joined by commas. <c>!=</c> and <c>notin</c> match objects without the label, as on a real server.
/// </summary>
internal sealed partial class LabelSelector
{
    private readonly List<Requirement> _requirements;

    private LabelSelector(List<Requirement> requirements) => _requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public bool IsEmpty => _requirements.Count == 0;

    /// <summary>Parses a selector; an empty or missing one selects everything.</summary>
    /// <exception cref="ApiError">400 BadRequest naming what could not be parsed.</exception>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var tokens = Tokenize(text);
        var requirements = new List<Requirement>();
        var i = 0;
        while (true)
        {
            requirements.Add(ParseRequirement(tokens, ref i, text));
            if (i == tokens.Count)
            {
                break;
            }

            if (tokens[i] != ",")
            {
                throw Fail(text, $"found '{tokens[i]}', expected: ',' or end of string");
            }

            i++;
        }

        return new LabelSelector(requirements);
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var requirement in _requirements)
        {
            if (!requirement.Matches(labels))
            {
                return false;
            }
        }

        return true;
    }

    private static Requirement ParseRequirement(List<string> tokens, ref int i, string text)
    {
        if (i == tokens.Count)
        {
            throw Fail(text, "found '', expected: identifier");
        }

        if (tokens[i] == "!")
        {
            i++;
            var negated = ExpectIdentifier(tokens, ref i, text);
            ValidateKey(negated, text);
            return new Requirement(negated, Operator.DoesNotExist, []);
        }

        var key = ExpectIdentifier(tokens, ref i, text);
        ValidateKey(key, text);
        if (i == tokens.Count || tokens[i] == ",")
        {
            return new Requirement(key, Operator.Exists, []);
        }

        var op = tokens[i++] switch
        {
            "=" or "==" => Operator.Equals,
            "!=" => Operator.NotEquals,
            "in" => Operator.In,
            "notin" => Operator.NotIn,
            ">" => Operator.GreaterThan,
            "<" => Operator.LessThan,
            var other => throw Fail(text, $"found '{other}', expected: '=', '!=', '==', 'in', notin'"),
        };

        var values = new List<string>();
        if (op is Operator.In or Operator.NotIn)
        {
            if (i == tokens.Count || tokens[i] != "(")
            {
                throw Fail(text, $"found '{(i < tokens.Count ? tokens[i] : "")}', expected: '('");
            }

            i++;
            while (i < tokens.Count && tokens[i] != ")")
            {
                var value = IsIdentifier(tokens[i]) ? tokens[i++] : throw Fail(text, $"found '{tokens[i]}', expected: identifier");
                values.Add(value);
                if (i < tokens.Count && tokens[i] == ",")
                {
                    i++;
                }
            }

            if (i == tokens.Count)
            {
                throw Fail(text, "found '', expected: ')'");
            }

            i++;
            if (values.Count == 0)
            {
                throw Fail(text, "for 'in', 'notin' operators, values set can't be empty");
            }
        }
        else
        {
            // "k=" selects an empty value; the value token is simply absent.
            values.Add(i < tokens.Count && IsIdentifier(tokens[i]) ? tokens[i++] : "");
        }

        foreach (var value in values)
        {
            if (op is Operator.GreaterThan or Operator.LessThan)
            {
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                {
                    throw Fail(text, $"for 'Gt', 'Lt' operators, the value must be an integer: {value}");
                }
            }
            else if (value.Length > 0 && (value.Length > 63 || !NamePart().IsMatch(value)))
            {
                throw Fail(text, $"values[0][{key}]: Invalid value: \"{value}\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
            }
        }

        return new Requirement(key, op, values);
    }

    private static string ExpectIdentifier(List<string> tokens, ref int i, string text)
    {
        if (i < tokens.Count && IsIdentifier(tokens[i]))
        {
            return tokens[i++];
        }

        throw Fail(text, $"found '{(i < tokens.Count ? tokens[i] : "")}', expected: identifier");
    }

    private static bool IsIdentifier(string token) => token is not ("," or "=" or "==" or "!=" or "!" or "(" or ")" or "<" or ">");

    private static void ValidateKey(string key, string text)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var prefix = slash >= 0 ? key[..slash] : null;
        var name = slash >= 0 ? key[(slash + 1)..] : key;
        var validPrefix = prefix is null || (prefix.Length is > 0 and <= 253 && DnsSubdomain().IsMatch(prefix));
        if (!validPrefix || name.Length is 0 or > 63 || !NamePart().IsMatch(name))
        {
            throw Fail(text, $"key: Invalid value: \"{key}\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
        }
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is ',' or '(' or ')' or '<' or '>')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c == '=')
            {
                var two = i + 1 < text.Length && text[i + 1] == '=';
                tokens.Add(two ? "==" : "=");
                i += two ? 2 : 1;
            }
            else if (c == '!')
            {
                var two = i + 1 < text.Length && text[i + 1] == '=';
                tokens.Add(two ? "!=" : "!");
                i += two ? 2 : 1;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not (',' or '(' or ')' or '<' or '>' or '=' or '!'))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }

    private static ApiError Fail(string text, string why) => ApiError.BadRequest($"unable to parse requirement: {why} (in labelSelector \"{text}\")");

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex NamePart();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();

    private enum Operator
    {
        Equals,
        NotEquals,
        In,
        NotIn,
        Exists,
        DoesNotExist,
        GreaterThan,
        LessThan,
    }

    private sealed record Requirement(string Key, Operator Op, List<string> Values)
    {
        public bool Matches(IReadOnlyDictionary<string, string> labels)
        {
            var has = labels.TryGetValue(Key, out var value);
            return Op switch
            {
                Operator.Exists => has,
                Operator.DoesNotExist => !has,
                Operator.Equals or Operator.In => has && Values.Contains(value!),
                Operator.NotEquals or Operator.NotIn => !has || !Values.Contains(value!),
                Operator.GreaterThan => has && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var g) && g > long.Parse(Values[0], CultureInfo.InvariantCulture),
                Operator.LessThan => has && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) && l < long.Parse(Values[0], CultureInfo.InvariantCulture),
                _ => false,
            };
        }
    }
}
