using CsCheck;
using Furiko.Sdk.Testing.Emulator;

namespace Furiko.Sdk.Testing.Tests.Emulator;

/// <summary>The set operators of label selectors agree with their equality forms, for any labels.</summary>
public sealed class LabelSelectorPropertyTests
{
    private static readonly Gen<string> Keys = Gen.OneOf("app", "tier", "example.com/zone");
    private static readonly Gen<string> Values = Gen.OneOf("a", "b", "c");
    private static readonly Gen<Dictionary<string, string>> Labels =
        Gen.Select(Keys, Values).Array[0, 3].Select(pairs => pairs.DistinctBy(p => p.Item1).ToDictionary(p => p.Item1, p => p.Item2));

    [Fact]
    public void In_matches_exactly_when_one_of_its_equalities_matches() =>
        Gen.Select(Labels, Keys, Values, Values).Sample((labels, key, v1, v2) =>
            LabelSelector.Parse($"{key} in ({v1},{v2})").Matches(labels)
            == (LabelSelector.Parse($"{key}={v1}").Matches(labels) || LabelSelector.Parse($"{key}=={v2}").Matches(labels)));

    [Fact]
    public void Notin_of_one_value_is_inequality_and_both_match_a_missing_label() =>
        Gen.Select(Labels, Keys, Values).Sample((labels, key, value) =>
            LabelSelector.Parse($"{key} notin ({value})").Matches(labels) == LabelSelector.Parse($"{key}!={value}").Matches(labels)
            && (labels.ContainsKey(key) || LabelSelector.Parse($"{key}!={value}").Matches(labels)));

    [Fact]
    public void Does_not_exist_is_the_negation_of_exists() =>
        Gen.Select(Labels, Keys).Sample((labels, key) =>
            LabelSelector.Parse($"!{key}").Matches(labels) == !LabelSelector.Parse(key).Matches(labels)
            && LabelSelector.Parse(key).Matches(labels) == labels.ContainsKey(key));

    [Fact]
    public void A_comma_is_a_conjunction() =>
        Gen.Select(Labels, Keys, Values, Keys).Sample((labels, k1, v1, k2) =>
            LabelSelector.Parse($"{k1}={v1},{k2}").Matches(labels)
            == (LabelSelector.Parse($"{k1}={v1}").Matches(labels) && LabelSelector.Parse(k2).Matches(labels)));
}
