using System.Text.Json.Nodes;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>Reading the emulator's current state without going through HTTP.</summary>
public sealed partial class KubernetesEmulator
{
    /// <summary>The current state of one object, or null when it does not exist (never existed, or removed).</summary>
    /// <typeparam name="T">A model type with a <c>KubernetesEntity</c> attribute, for example <c>V1Pod</c> or <c>Job</c>.</typeparam>
    /// <param name="namespace">The namespace; ignored for cluster-scoped resources.</param>
    /// <param name="name">The name.</param>
    /// <returns>A copy of the object.</returns>
    /// <exception cref="ArgumentException">The type is not served.</exception>
    public T? Get<T>(string? @namespace, string name)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(name);
        var json = _server.Read(ResourceOf<T>(), @namespace, name);
        return json is null ? null : EmulatorJson.ToTyped<T>(json);
    }

    /// <summary>Every object of a type, in one namespace or all, in key order (namespace, then name).</summary>
    /// <typeparam name="T">A model type with a <c>KubernetesEntity</c> attribute.</typeparam>
    /// <param name="namespace">The namespace, or null for all.</param>
    /// <returns>Copies of the objects.</returns>
    /// <exception cref="ArgumentException">The type is not served.</exception>
    public IReadOnlyList<T> List<T>(string? @namespace = null)
        where T : class =>
        [.. _server.ReadAll(ResourceOf<T>(), @namespace).Select(EmulatorJson.ToTyped<T>)];

    /// <summary>The current state of one object as JSON (fields no model knows included), or null when it does not exist.</summary>
    /// <param name="resource">The resource.</param>
    /// <param name="namespace">The namespace; ignored for cluster-scoped resources.</param>
    /// <param name="name">The name.</param>
    /// <returns>A copy of the object.</returns>
    /// <exception cref="ArgumentException">The resource is not served.</exception>
    public JsonObject? GetJson(EmulatedResource resource, string? @namespace, string name)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(name);
        return _server.Read(_server.Registry.Resolve(resource), @namespace, name);
    }
}
