using System.Text.Json.Nodes;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Tests.Models;

/// <summary>
/// Reads the <c>openAPIV3Schema</c> of Furiko's real CRDs and addresses its nodes by schema path:
/// <c>$.spec.killTimestamp</c> for a property, <c>[*]</c> for the items of an array, <c>.*</c> for the values of
/// a map (<c>additionalProperties</c>), for example <c>$.spec.template.parallelism.withMatrix.*[*]</c>.
/// </summary>
internal static class CrdSchema
{
    /// <summary>A fresh copy of the Job CRD's schema (safe to mutate).</summary>
    public static JsonObject Job() => Load(FurikoFiles.JobCrd);

    /// <summary>A fresh copy of the JobConfig CRD's schema (safe to mutate).</summary>
    public static JsonObject JobConfig() => Load(FurikoFiles.JobConfigCrd);

    /// <summary>
    /// Whether a schema node carries no structure the models must follow: a <c>metadata</c> property or a node
    /// marked <c>x-kubernetes-preserve-unknown-fields</c>.
    /// </summary>
    public static bool IsOpaque(JsonObject node, string path) =>
        path.EndsWith(".metadata", StringComparison.Ordinal)
        || node["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true;

    /// <summary>The schema node at a schema path.</summary>
    public static JsonObject NodeAt(JsonObject schema, string path)
    {
        var node = schema;
        var rest = path.StartsWith('$') ? path[1..] : path;
        while (rest.Length > 0)
        {
            if (rest.StartsWith("[*]", StringComparison.Ordinal))
            {
                node = node["items"]!.AsObject();
                rest = rest[3..];
            }
            else if (rest.StartsWith(".*", StringComparison.Ordinal))
            {
                node = node["additionalProperties"]!.AsObject();
                rest = rest[2..];
            }
            else
            {
                var end = rest.IndexOfAny(['.', '['], 1);
                var name = end < 0 ? rest[1..] : rest[1..end];
                node = node["properties"]?[name]?.AsObject()
                    ?? throw new ArgumentException($"The schema has no property at {path} (missing '{name}').", nameof(path));
                rest = end < 0 ? string.Empty : rest[end..];
            }
        }

        return node;
    }

    /// <summary>The path of every property the schema declares, outside opaque nodes, in schema order.</summary>
    public static IReadOnlyList<string> PropertyPaths(JsonObject schema)
    {
        var paths = new List<string>();
        Collect(schema, "$", paths);
        return paths;
    }

    private static void Collect(JsonObject node, string path, List<string> paths)
    {
        if (path != "$" && IsOpaque(node, path))
        {
            return;
        }

        if (node["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in properties)
            {
                var childPath = $"{path}.{name}";
                paths.Add(childPath);
                Collect(child!.AsObject(), childPath, paths);
            }
        }

        if (node["items"] is JsonObject items)
        {
            Collect(items, path + "[*]", paths);
        }

        if (node["additionalProperties"] is JsonObject values)
        {
            Collect(values, path + ".*", paths);
        }
    }

    private static JsonObject Load(string crdFile)
    {
        var crd = JsonNode.Parse(Assert.Single(FurikoManifest.ToJsonDocuments(File.ReadAllText(crdFile))))!;
        return crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!.AsObject();
    }
}
