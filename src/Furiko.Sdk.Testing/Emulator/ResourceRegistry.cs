namespace Furiko.Sdk.Testing.Emulator;

/// <summary>The resources one emulator serves, found by group, version and plural. Immutable after construction; thread-safe.</summary>
internal sealed class ResourceRegistry
{
    private readonly Dictionary<(string, string, string), EmulatedResource> _byPath = [];

    public ResourceRegistry(IEnumerable<EmulatedResource> resources)
    {
        foreach (var resource in resources)
        {
            if (!_byPath.TryAdd((resource.Group, resource.Version, resource.Plural), resource))
            {
                throw new ArgumentException($"The resource {resource} is served twice; each group/version/plural may appear once.", nameof(resources));
            }
        }
    }

    public IEnumerable<EmulatedResource> All => _byPath.Values;

    public EmulatedResource? Find(string group, string version, string plural) =>
        _byPath.TryGetValue((group, version, plural), out var resource) ? resource : null;

    /// <summary>The served resource equal to <paramref name="resource"/> (which may be another instance describing it).</summary>
    /// <exception cref="ArgumentException">The emulator does not serve it.</exception>
    public EmulatedResource Resolve(EmulatedResource resource) =>
        Find(resource.Group, resource.Version, resource.Plural)
        ?? throw new ArgumentException($"The emulator does not serve {resource}; add it to KubernetesEmulatorOptions.AdditionalResources.", nameof(resource));

    /// <summary>The served resource for a group, version and plural (as a <c>KubernetesEntity</c> attribute names them).</summary>
    /// <exception cref="ArgumentException">The emulator does not serve it.</exception>
    public EmulatedResource Resolve(string group, string version, string plural, string typeName) =>
        Find(group, version, plural)
        ?? throw new ArgumentException($"The emulator does not serve {typeName} ({(group.Length == 0 ? "" : group + "/")}{version}, {plural}); add it to KubernetesEmulatorOptions.AdditionalResources.");
}
