using System.Buffers;

namespace Furiko.Sdk.Serialization;

/// <summary>
/// Builds and splits JSON paths the way System.Text.Json writes them in its errors: <c>$.a.b[0]['c.d']</c>.
/// </summary>
internal static class JsonPathSegments
{
    // The characters for which System.Text.Json switches a property name to the bracket form.
    private static readonly SearchValues<char> Special = SearchValues.Create(". '/\"[]()\t\n\r\f\b\\\u0085\u2028\u2029");

    /// <summary>The path of a property of the object at <paramref name="path"/>.</summary>
    public static string Child(string path, string name) =>
        name.AsSpan().IndexOfAny(Special) < 0 ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static IEnumerable<object> Parse(string path)
    {
        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] != '.' && path[end] != '[')
                {
                    end++;
                }

                yield return path[(i + 1)..end];
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    yield break;
                }

                yield return path[(i + 2)..end];
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0 || !int.TryParse(path.AsSpan(i + 1, end - i - 1), out var index))
                {
                    yield break;
                }

                yield return index;
                i = end + 1;
            }
            else
            {
                yield break;
            }
        }
    }
}
