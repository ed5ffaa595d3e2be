using System.Reflection;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>Converts between model objects and the emulator's JSON with KubernetesClient's serializer settings.</summary>
internal static class EmulatorJson
{
    public static JsonObject ToJson(object model) =>
        JsonNode.Parse(KubernetesJson.Serialize(model)) as JsonObject
        ?? throw new ArgumentException($"A {model.GetType().Name} does not serialize to a JSON object.", nameof(model));

    public static T ToTyped<T>(JsonObject json) =>
        KubernetesJson.Deserialize<T>(json.ToJsonString())
        ?? throw new InvalidOperationException($"The stored object did not read back as a {typeof(T).Name}.");

    /// <exception cref="ArgumentException">The type has no <c>KubernetesEntity</c> attribute.</exception>
    public static KubernetesEntityAttribute EntityOf<T>() =>
        typeof(T).GetCustomAttribute<KubernetesEntityAttribute>()
        ?? throw new ArgumentException($"{typeof(T).Name} has no [KubernetesEntity] attribute, so the emulator cannot tell which resource it belongs to.");
}
