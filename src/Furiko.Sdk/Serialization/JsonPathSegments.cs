namespace Furiko.Sdk.Serialization;

/// <summary>Splits a System.Text.Json error path (<c>$.a.b[0]['c.d']</c>) into property names and array indexes.</summary>
internal static class JsonPathSegments
{
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
