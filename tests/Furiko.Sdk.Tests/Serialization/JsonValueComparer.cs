using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s.Models;
using NodaTime.Text;

namespace Furiko.Sdk.Tests.Serialization;

/// <summary>Where two JSON values first differ, and how.</summary>
/// <param name="Path">The JSON path of the difference, for example <c>$.status.tasks[1].name</c>.</param>
/// <param name="Problem">What differs.</param>
internal sealed record JsonDifference(string Path, string Problem)
{
    public override string ToString() => $"{Path}: {Problem}";
}

/// <summary>
/// Compares two JSON values by meaning, the way a Kubernetes API server would see them:
/// <list type="bullet">
/// <item>object key order does not matter;</item>
/// <item>an empty value (null, "", 0, false, [], or an object holding only empty values) counts the same as an
/// absent field, so a serializer may add or drop defaults (KubernetesClient drops nulls, writes 0 for an unset
/// <c>long</c>);</item>
/// <item>two strings that are both RFC 3339 timestamps are equal when they denote the same instant
/// (<c>2022-03-06T00:27:00+08:00</c> == <c>2022-03-05T16:27:00Z</c>);</item>
/// <item>two strings that are both Kubernetes resource quantities are equal when their amounts are
/// (<c>1000m</c> == <c>1</c>, <c>1Gi</c> == <c>1024Mi</c>);</item>
/// <item>numbers are compared by value (<c>1</c> == <c>1.0</c>); a string never equals a number.</item>
/// </list>
/// A field that is lost, renamed, retyped or changed is reported with the JSON path of the first difference.
/// </summary>
internal static partial class JsonValueComparer
{
    /// <summary>Finds the first difference between two JSON texts; <see langword="null"/> when they are equal by value.</summary>
    public static JsonDifference? FirstDifference(string expectedJson, string actualJson) =>
        FirstDifference(JsonNode.Parse(expectedJson), JsonNode.Parse(actualJson));

    /// <summary>Finds the first difference between two JSON values; <see langword="null"/> when they are equal by value.</summary>
    public static JsonDifference? FirstDifference(JsonNode? expected, JsonNode? actual) => Compare(expected, actual, "$");

    /// <summary>Fails the test, naming the path of the first difference, unless the two texts are equal by value.</summary>
    public static void AssertEquivalent(string expectedJson, string actualJson)
    {
        var difference = FirstDifference(expectedJson, actualJson);
        if (difference is not null)
        {
            Assert.Fail($"JSON differs at {difference}.\nExpected: {expectedJson}\nActual:   {actualJson}");
        }
    }

    /// <summary>Whether a value counts the same as an absent field.</summary>
    public static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonObject obj => obj.All(member => IsEmpty(member.Value)),
        JsonArray array => array.Count == 0,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>().Length == 0,
            JsonValueKind.Number => SameNumber(value, JsonValue.Create(0)),
            JsonValueKind.False or JsonValueKind.Null => true,
            _ => false,
        },
        _ => false,
    };

    private static JsonDifference? Compare(JsonNode? expected, JsonNode? actual, string path)
    {
        if (expected is null || actual is null)
        {
            return IsEmpty(expected) && IsEmpty(actual)
                ? null
                : new JsonDifference(path, $"expected {Show(expected)}, found {Show(actual)}");
        }

        var expectedKind = expected.GetValueKind();
        var actualKind = actual.GetValueKind();
        if (!SameKind(expectedKind, actualKind))
        {
            return IsEmpty(expected) && IsEmpty(actual)
                ? null
                : new JsonDifference(path, $"retyped: expected {expectedKind} {Show(expected)}, found {actualKind} {Show(actual)}");
        }

        return expected switch
        {
            JsonObject expectedObject => CompareObjects(expectedObject, actual.AsObject(), path),
            JsonArray expectedArray => CompareArrays(expectedArray, actual.AsArray(), path),
            _ => CompareValues(expected.AsValue(), actual.AsValue(), expectedKind, path),
        };
    }

    private static bool SameKind(JsonValueKind expected, JsonValueKind actual) =>
        expected == actual || (expected is JsonValueKind.True or JsonValueKind.False && actual is JsonValueKind.True or JsonValueKind.False);

    private static JsonDifference? CompareObjects(JsonObject expected, JsonObject actual, string path)
    {
        foreach (var (name, expectedValue) in expected)
        {
            var childPath = Child(path, name);
            if (!actual.TryGetPropertyValue(name, out var actualValue))
            {
                if (!IsEmpty(expectedValue))
                {
                    return new JsonDifference(childPath, $"lost: expected {Show(expectedValue)}, the field is missing");
                }

                continue;
            }

            if (Compare(expectedValue, actualValue, childPath) is { } difference)
            {
                return difference;
            }
        }

        foreach (var (name, actualValue) in actual)
        {
            if (!expected.ContainsKey(name) && !IsEmpty(actualValue))
            {
                return new JsonDifference(Child(path, name), $"added: the field is not expected, found {Show(actualValue)}");
            }
        }

        return null;
    }

    private static JsonDifference? CompareArrays(JsonArray expected, JsonArray actual, string path)
    {
        if (expected.Count != actual.Count)
        {
            return new JsonDifference(path, $"expected {expected.Count} item(s), found {actual.Count}");
        }

        for (var i = 0; i < expected.Count; i++)
        {
            if (Compare(expected[i], actual[i], $"{path}[{i}]") is { } difference)
            {
                return difference;
            }
        }

        return null;
    }

    private static JsonDifference? CompareValues(JsonValue expected, JsonValue actual, JsonValueKind kind, string path)
    {
        var equal = kind switch
        {
            JsonValueKind.String => SameString(expected.GetValue<string>(), actual.GetValue<string>()),
            JsonValueKind.Number => SameNumber(expected, actual),
            _ => expected.GetValueKind() == actual.GetValueKind(),
        };
        return equal ? null : new JsonDifference(path, $"expected {Show(expected)}, found {Show(actual)}");
    }

    private static bool SameString(string expected, string actual)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return true;
        }

        if (TryInstant(expected, out var expectedInstant) && TryInstant(actual, out var actualInstant))
        {
            return expectedInstant == actualInstant;
        }

        return TryQuantity(expected, out var expectedAmount) && TryQuantity(actual, out var actualAmount) && expectedAmount == actualAmount;
    }

    // Decimal keeps 64-bit integers and short fractions exact; double covers exponents beyond decimal's range.
    private static bool SameNumber(JsonValue expected, JsonValue actual)
    {
        var e = expected.ToJsonString();
        var a = actual.ToJsonString();
        return decimal.TryParse(e, NumberStyles.Float, CultureInfo.InvariantCulture, out var exactE)
            && decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var exactA)
            ? exactE == exactA
            : double.Parse(e, NumberStyles.Float, CultureInfo.InvariantCulture).Equals(double.Parse(a, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    // Parsed independently of the SDK's own converter, so a converter bug cannot hide itself.
    private static bool TryInstant(string text, out NodaTime.Instant instant)
    {
        var result = OffsetDateTimePattern.Rfc3339.Parse(text.ToUpperInvariant());
        instant = result.Success ? result.Value.ToInstant() : default;
        return result.Success;
    }

    private static bool TryQuantity(string text, out decimal amount)
    {
        amount = 0;
        if (!QuantityShape().IsMatch(text))
        {
            return false;
        }

        try
        {
            amount = new ResourceQuantity(text).ToDecimal();
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or ArithmeticException)
        {
            return false;
        }
    }

    private static string Child(string path, string name) =>
        SimpleName().IsMatch(name) ? $"{path}.{name}" : $"{path}['{name}']";

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 60 ? text[..57] + "..." : text;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex SimpleName();

    // Kubernetes' quantity grammar: signed number, then a binary-SI, decimal-SI or exponent suffix.
    [GeneratedRegex("^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?$")]
    private static partial Regex QuantityShape();
}
