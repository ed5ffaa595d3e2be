namespace Furiko.Sdk.Testing.Emulator;

/// <summary>
/// Which requests a fault applies to. Every property left null matches anything. Immutable.
/// </summary>
/// <param name="Verb">The verb to match, or null for any.</param>
/// <param name="Resource">The plural resource name to match (for example <c>pods</c>), or null for any.</param>
public sealed record RequestMatch(KubernetesVerb? Verb = null, string? Resource = null)
{
    /// <summary>The object name to match, or null for any (collection requests have no name and never match a name).</summary>
    public string? Name { get; init; }

    /// <summary>The namespace to match, or null for any.</summary>
    public string? Namespace { get; init; }

    /// <summary>The subresource to match (for example <c>status</c>), or null for any.</summary>
    public string? Subresource { get; init; }

    internal bool Matches(KubernetesVerb? verb, string? resource, string? subresource, string? @namespace, string? name) =>
        (Verb is null || Verb == verb)
        && (Resource is null || string.Equals(Resource, resource, StringComparison.Ordinal))
        && (Subresource is null || string.Equals(Subresource, subresource, StringComparison.Ordinal))
        && (Namespace is null || string.Equals(Namespace, @namespace, StringComparison.Ordinal))
        && (Name is null || string.Equals(Name, name, StringComparison.Ordinal));
}
