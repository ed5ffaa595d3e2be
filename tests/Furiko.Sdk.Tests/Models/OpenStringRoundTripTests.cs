using System.Reflection;
using System.Text.Json.Nodes;
using Furiko.Sdk.Models;
using Furiko.Sdk.Serialization;
using Furiko.Sdk.Tests.Serialization;

namespace Furiko.Sdk.Tests.Models;

/// <summary>
/// Every open string type of the SDK (found by reflection) keeps a value a newer Furiko might write, wherever the
/// models use it.
/// </summary>
public class OpenStringRoundTripTests
{
    private static readonly Type[] Roots = [typeof(Job), typeof(JobConfig)];

    [Fact]
    public void The_SDK_has_open_string_types_to_check()
    {
        Assert.Contains(typeof(JobPhase), OpenStringTypes());
        Assert.Contains(typeof(TaskState), OpenStringTypes());
        Assert.True(OpenStringTypes().Count >= 12, string.Join(", ", OpenStringTypes()));
    }

    [Theory]
    [MemberData(nameof(OpenStringTypeNames))]
    public void Every_open_string_type_is_used_by_a_model(string typeName)
    {
        Assert.NotEmpty(Places(TypeNamed(typeName)));
    }

    [Theory]
    [MemberData(nameof(OpenStringTypeNames))]
    public void An_unknown_value_survives_a_round_trip_wherever_the_type_is_used(string typeName)
    {
        var type = TypeNamed(typeName);
        var unknown = $"FromAFutureFuriko{type.Name}";
        foreach (var (root, path) in Places(type))
        {
            var fixture = TestFixtures.ReadObject(root == typeof(Job) ? TestFixtures.EveryFieldJob : TestFixtures.EveryFieldJobConfig);
            var replaced = SetEverywhere(fixture, path, unknown);
            Assert.True(replaced > 0, $"The {root.Name} fixture has no value at {path}.");
            var json = fixture.ToJsonString();

            var written = FurikoJson.Serialize(FurikoManifest.Load(json).Single());

            JsonValueComparer.AssertEquivalent(json, written);
        }
    }

    [Theory]
    [MemberData(nameof(OpenStringTypeNames))]
    public void An_unknown_value_is_kept_as_it_is_and_is_not_known(string typeName)
    {
        var type = TypeNamed(typeName);
        var value = type.GetMethod("FromString", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, ["Unheard-Of value"])!;

        Assert.Equal("Unheard-Of value", type.GetProperty("Value")!.GetValue(value));
        Assert.Equal("Unheard-Of value", value.ToString());
        Assert.False((bool)type.GetProperty("IsKnown")!.GetValue(value)!);
    }

    [Fact]
    public void An_unknown_job_phase_reads_as_that_phase_and_is_not_terminal()
    {
        var fixture = TestFixtures.ReadObject(TestFixtures.EveryFieldJob);
        fixture["status"]!["phase"] = "Paused";

        var job = FurikoJson.Deserialize<Job>(fixture.ToJsonString());

        Assert.Equal(JobPhase.FromString("Paused"), job.Status!.Phase);
        Assert.False(job.Status.Phase.IsKnown);
        Assert.False(job.Status.Phase.IsTerminal);
    }

    public static TheoryData<string> OpenStringTypeNames()
    {
        var data = new TheoryData<string>();
        foreach (var type in OpenStringTypes())
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    private static List<Type> OpenStringTypes() =>
        typeof(IOpenString<>).Assembly.GetTypes().Where(CrdSchemaChecker.IsOpenString).OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();

    private static Type TypeNamed(string fullName) => typeof(IOpenString<>).Assembly.GetType(fullName, throwOnError: true)!;

    // Every JSON path (with [*] for list items, .* for map values) at which a root model holds the type.
    private static List<(Type Root, string Path)> Places(Type openString)
    {
        var places = new List<(Type, string)>();
        foreach (var root in Roots)
        {
            Walk(root, "$", openString, root, places, []);
        }

        return places;
    }

    private static void Walk(Type type, string path, Type wanted, Type root, List<(Type, string)> places, HashSet<Type> visiting)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (plain == wanted)
        {
            places.Add((root, path));
            return;
        }

        if (plain.IsGenericType && plain.GetGenericTypeDefinition() is var definition)
        {
            if (definition == typeof(IList<>) || definition == typeof(List<>))
            {
                Walk(plain.GenericTypeArguments[0], path + "[*]", wanted, root, places, visiting);
            }
            else if (definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>))
            {
                Walk(plain.GenericTypeArguments[1], path + ".*", wanted, root, places, visiting);
            }

            return;
        }

        // Only the SDK's own classes hold open strings; KubernetesClient's types are not walked.
        if (!plain.IsClass || plain.Assembly != wanted.Assembly || !visiting.Add(plain))
        {
            return;
        }

        foreach (var (name, property) in CrdSchemaChecker.SerializedProperties(plain))
        {
            Walk(property.PropertyType, $"{path}.{name}", wanted, root, places, visiting);
        }

        visiting.Remove(plain);
    }

    private static int SetEverywhere(JsonNode? node, string path, string value)
    {
        var rest = path.StartsWith('$') ? path[1..] : path;
        if (rest.StartsWith("[*]", StringComparison.Ordinal))
        {
            return node is JsonArray array ? array.Sum(item => SetEverywhere(item, rest[3..], value)) : 0;
        }

        if (rest.StartsWith(".*", StringComparison.Ordinal))
        {
            return node is JsonObject map ? map.Sum(member => SetEverywhere(member.Value, rest[2..], value)) : 0;
        }

        var end = rest.IndexOfAny(['.', '['], 1);
        var name = end < 0 ? rest[1..] : rest[1..end];
        if (node is not JsonObject obj || !obj.ContainsKey(name))
        {
            return 0;
        }

        if (end < 0)
        {
            obj[name] = value;
            return 1;
        }

        return SetEverywhere(obj[name], rest[end..], value);
    }
}
