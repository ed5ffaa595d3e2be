using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;
using NodaTime;

namespace Furiko.Sdk.Tests.Models;

/// <summary>One way in which a model type does not follow a CRD schema.</summary>
/// <param name="SchemaPath">Where in the schema, for example <c>$.status.tasks[*].retryIndex</c>.</param>
/// <param name="Model">The model side: a property with its type (<c>TaskRef.RetryIndex (long)</c>) or a type.</param>
/// <param name="Problem">What does not fit.</param>
internal sealed record SchemaMismatch(string SchemaPath, string Model, string Problem)
{
    public override string ToString() => $"{SchemaPath} / {Model}: {Problem}";
}

/// <summary>
/// Walks a CRD's <c>openAPIV3Schema</c> against model types by reflection, in both directions: every schema
/// property needs a model property with the same JSON name and a compatible type, and every serialized model
/// property needs a schema property. The written mapping:
/// <list type="table">
/// <item><term>string, format date-time</term><description><see cref="Instant"/>? with <see cref="InstantJsonConverter"/></description></item>
/// <item><term>string</term><description><see cref="string"/>, or an open string struct (<see cref="IOpenString{TSelf}"/>), nullable or not</description></item>
/// <item><term>integer int64 / int32</term><description><see cref="long"/> / <see cref="int"/>, nullable or not</description></item>
/// <item><term>boolean</term><description><see cref="bool"/>, nullable or not</description></item>
/// <item><term>array</term><description><see cref="IList{T}"/> or <see cref="List{T}"/>, items checked</description></item>
/// <item><term>object with properties</term><description>a class, checked property by property</description></item>
/// <item><term>object with additionalProperties</term><description><see cref="IDictionary{TKey,TValue}"/> or <see cref="Dictionary{TKey,TValue}"/> with string keys, values checked</description></item>
/// </list>
/// <c>metadata</c> properties and nodes marked <c>x-kubernetes-preserve-unknown-fields</c> are opaque: any type.
/// The <see cref="JsonExtensionDataAttribute"/> property and <see cref="JsonIgnoreAttribute"/> properties are not
/// serialized fields and are skipped.
/// </summary>
internal static class CrdSchemaChecker
{
    /// <summary>Every mismatch between a schema and a root model type; empty when the model follows the schema.</summary>
    public static IReadOnlyList<SchemaMismatch> Check(JsonObject schema, Type rootType)
    {
        var mismatches = new List<SchemaMismatch>();
        CheckNode(schema, rootType, null, "$", mismatches);
        return mismatches;
    }

    /// <summary>The properties System.Text.Json reads and writes, by JSON name.</summary>
    public static IReadOnlyDictionary<string, PropertyInfo> SerializedProperties(Type type)
    {
        var properties = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0
                || property.IsDefined(typeof(JsonExtensionDataAttribute))
                || property.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: JsonIgnoreCondition.Always })
            {
                continue;
            }

            // KubernetesClient's serializer names unattributed properties in camelCase.
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
                ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            properties.Add(name, property);
        }

        return properties;
    }

    /// <summary>Whether a type is an open string struct (implements <see cref="IOpenString{TSelf}"/> for itself).</summary>
    public static bool IsOpenString(Type type) =>
        type.IsValueType && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IOpenString<>) && i.GenericTypeArguments[0] == type);

    /// <summary>A readable name for a type: <c>long?</c>, <c>IList&lt;TaskRef&gt;</c>.</summary>
    public static string Describe(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return Describe(inner) + "?";
        }

        if (!type.IsGenericType)
        {
            return Type.GetTypeCode(type) switch
            {
                TypeCode.String => "string",
                TypeCode.Int64 => "long",
                TypeCode.Int32 => "int",
                TypeCode.Boolean => "bool",
                _ => type.Name,
            };
        }

        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return $"{name}<{string.Join(", ", type.GenericTypeArguments.Select(Describe))}>";
    }

    private static void CheckNode(JsonObject schema, Type type, PropertyInfo? property, string path, List<SchemaMismatch> found)
    {
        if (path != "$" && CrdSchema.IsOpaque(schema, path))
        {
            return;
        }

        var model = property is null ? Describe(type) : $"{property.DeclaringType!.Name}.{property.Name} ({Describe(type)})";
        var schemaType = schema["type"]?.GetValue<string>();
        var format = schema["format"]?.GetValue<string>();
        switch (schemaType, format)
        {
            case ("string", "date-time"):
                if (type != typeof(Instant?))
                {
                    found.Add(new(path, model, "a date-time string must be Instant?"));
                }
                else if (property?.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType != typeof(InstantJsonConverter))
                {
                    found.Add(new(path, model, "an Instant property needs [JsonConverter(typeof(InstantJsonConverter))]"));
                }

                break;

            case ("string", null):
                var plain = Nullable.GetUnderlyingType(type) ?? type;
                if (plain != typeof(string) && !IsOpenString(plain))
                {
                    found.Add(new(path, model, "a string must be string or an open string struct"));
                }

                break;

            case ("integer", "int64"):
                Expect(type, typeof(long), path, model, "an int64 integer must be long or long?", found);
                break;

            case ("integer", "int32"):
                Expect(type, typeof(int), path, model, "an int32 integer must be int or int?", found);
                break;

            case ("boolean", null):
                Expect(type, typeof(bool), path, model, "a boolean must be bool or bool?", found);
                break;

            case ("array", null):
                if (GenericArgument(type, typeof(IList<>), typeof(List<>)) is { } itemType)
                {
                    CheckNode(schema["items"]!.AsObject(), itemType[0], null, path + "[*]", found);
                }
                else
                {
                    found.Add(new(path, model, "an array must be IList<T> or List<T>"));
                }

                break;

            case ("object", null) when schema["additionalProperties"] is JsonObject values && schema["properties"] is null:
                if (GenericArgument(type, typeof(IDictionary<,>), typeof(Dictionary<,>)) is [var key, var value] && key == typeof(string))
                {
                    CheckNode(values, value, null, path + ".*", found);
                }
                else
                {
                    found.Add(new(path, model, "an object with additionalProperties must be IDictionary<string, T>"));
                }

                break;

            case ("object", null):
                CheckObject(schema, type, path, model, found);
                break;

            default:
                found.Add(new(path, model, $"no mapping for schema type '{schemaType}' with format '{format}'"));
                break;
        }
    }

    private static void CheckObject(JsonObject schema, Type type, string path, string model, List<SchemaMismatch> found)
    {
        if (!type.IsClass || type == typeof(string) || GenericArgument(type, typeof(IDictionary<,>), typeof(Dictionary<,>), typeof(IList<>), typeof(List<>)) is not null)
        {
            found.Add(new(path, model, "an object with properties must be a model class"));
            return;
        }

        var modelProperties = SerializedProperties(type);
        var schemaProperties = schema["properties"] as JsonObject ?? [];
        foreach (var (name, child) in schemaProperties)
        {
            if (modelProperties.TryGetValue(name, out var property))
            {
                CheckNode(child!.AsObject(), property.PropertyType, property, $"{path}.{name}", found);
            }
            else
            {
                found.Add(new($"{path}.{name}", type.Name, $"schema property '{name}' has no model property"));
            }
        }

        foreach (var (name, property) in modelProperties)
        {
            if (!schemaProperties.ContainsKey(name))
            {
                found.Add(new($"{path}.{name}", $"{type.Name}.{property.Name} ({Describe(property.PropertyType)})", $"model property '{name}' is not in the schema"));
            }
        }
    }

    private static void Expect(Type type, Type expected, string path, string model, string problem, List<SchemaMismatch> found)
    {
        if ((Nullable.GetUnderlyingType(type) ?? type) != expected)
        {
            found.Add(new(path, model, problem));
        }
    }

    private static Type[]? GenericArgument(Type type, params Type[] definitions) =>
        type.IsGenericType && definitions.Contains(type.GetGenericTypeDefinition()) ? type.GenericTypeArguments : null;
}
