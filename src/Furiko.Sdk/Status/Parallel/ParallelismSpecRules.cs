using System.Globalization;
using Furiko.Sdk.Models;

namespace Furiko.Sdk.Status;

/// <summary>
/// Decides whether a <see cref="ParallelismSpec"/> can be expanded into indexes: the rules of Furiko's validating
/// webhook (<c>ValidateParallelismSpec</c>), plus the cases the webhook lets through but Furiko's index generation
/// cannot handle. Problems are worded as Kubernetes field errors, as the webhook words them. Pure; thread-safe.
/// </summary>
internal static class ParallelismSpecRules
{
    /// <summary>The most indexes a spec may give: the most elements a .NET array can hold.</summary>
    public static readonly long MaxIndexes = Array.MaxLength;

    private const string TooManyTypes = "cannot specify more than 1 parallelism type";

    /// <summary>Lists every problem of a spec.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="path">Its field path, for example <c>spec.template.parallelism</c>.</param>
    /// <returns>The problems, empty when the spec is valid.</returns>
    public static List<string> FindProblems(ParallelismSpec spec, string path)
    {
        var problems = new List<string>();

        // Furiko counts withKeys and withMatrix as given only when they are non-empty (len(...) > 0), so an empty
        // list or map is the same as an absent one; withCount counts as soon as it is present.
        var given = 0;
        if (spec.WithCount is { } count)
        {
            given++;
            CheckCount(count, $"{path}.withCount", problems);
        }

        if (spec.WithKeys is { Count: > 0 } keys)
        {
            if (++given > 1)
            {
                problems.Add($"{path}.withKeys: Forbidden: {TooManyTypes}");
            }
            else
            {
                CheckKeys(keys, $"{path}.withKeys", problems);
            }
        }

        if (spec.WithMatrix is { Count: > 0 } matrix)
        {
            if (++given > 1)
            {
                problems.Add($"{path}.withMatrix: Forbidden: {TooManyTypes}");
            }
            else
            {
                CheckMatrix(matrix, $"{path}.withMatrix", problems);
            }
        }

        if (given == 0)
        {
            problems.Add($"{path}: Required value: must specify a parallelism type");
        }

        return problems;
    }

    private static void CheckCount(long count, string path, List<string> problems)
    {
        // Furiko's webhook requires withCount > 0; its generator would give no index at all for 0 (a Job that is
        // complete before it starts) and would fail to allocate for a negative count.
        if (count <= 0)
        {
            problems.Add($"{path}: Invalid value: {count.ToString(CultureInfo.InvariantCulture)}: must be greater than 0");
        }
        else if (count > MaxIndexes)
        {
            problems.Add($"{path}: Invalid value: {count.ToString(CultureInfo.InvariantCulture)}: must be at most {MaxIndexes.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static void CheckKeys(IList<string> keys, string path, List<string> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            if (string.IsNullOrEmpty(key))
            {
                // An empty key hashes like the default index {indexNumber: 0}; Furiko's webhook rejects it.
                problems.Add($"{path}[{i.ToString(CultureInfo.InvariantCulture)}]: Required value: key cannot be empty");
            }
            else if (!seen.Add(key))
            {
                // Furiko lets duplicates through, but two indexes with one value share one task name and one hash.
                problems.Add($"{path}[{i.ToString(CultureInfo.InvariantCulture)}]: Duplicate value: {Quote(key)}");
            }
        }
    }

    private static void CheckMatrix(IDictionary<string, IList<string>> matrix, string path, List<string> problems)
    {
        long combinations = 1;
        foreach (var (key, values) in matrix.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (!IsValidMatrixKey(key))
            {
                problems.Add($"{path}: Invalid value: {Quote(key)}: withMatrix key must match regexp: ^[a-z0-9_-]+$");
                continue;
            }

            var keyPath = $"{path}[{key}]";
            if (values is not { Count: > 0 })
            {
                // Furiko's webhook lets an empty list through and its generator then misbehaves (no index, or a
                // panic, depending on map order); a matrix key with no value can give no combination.
                problems.Add($"{keyPath}: Required value: must list at least one value");
                combinations = 0;
                continue;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < values.Count; i++)
            {
                var value = values[i];
                if (string.IsNullOrEmpty(value))
                {
                    problems.Add($"{keyPath}[{i.ToString(CultureInfo.InvariantCulture)}]: Required value: value cannot be empty");
                }
                else if (!seen.Add(value))
                {
                    problems.Add($"{keyPath}[{i.ToString(CultureInfo.InvariantCulture)}]: Duplicate value: {Quote(value)}");
                }
            }

            if (combinations > 0)
            {
                combinations = values.Count > MaxIndexes / combinations ? MaxIndexes + 1 : combinations * values.Count;
            }
        }

        if (combinations > MaxIndexes)
        {
            problems.Add($"{path}: Invalid value: {matrix.Count.ToString(CultureInfo.InvariantCulture)} keys: the combinations must number at most {MaxIndexes.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    // Furiko: ^[a-z0-9_-]+$ (ASCII only).
    private static bool IsValidMatrixKey(string key) =>
        key.Length > 0 && key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-');

    // Kubernetes field errors print a string value in double quotes.
    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
