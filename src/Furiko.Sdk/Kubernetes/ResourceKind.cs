using System.Reflection;
using k8s.Models;

namespace Furiko.Sdk.Kubernetes;

/// <summary>The API coordinates of a custom resource type, read from its <see cref="KubernetesEntityAttribute"/>.</summary>
/// <param name="Group">The API group.</param>
/// <param name="Version">The API version.</param>
/// <param name="Kind">The kind.</param>
/// <param name="Plural">The plural resource name used in paths.</param>
internal sealed record ResourceKind(string Group, string Version, string Kind, string Plural)
{
    /// <summary>The coordinates of a model type.</summary>
    /// <param name="type">The model type.</param>
    /// <returns>The coordinates.</returns>
    /// <exception cref="ArgumentException">The type has no complete <see cref="KubernetesEntityAttribute"/>.</exception>
    public static ResourceKind Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var entity = type.GetCustomAttribute<KubernetesEntityAttribute>();
        if (entity is null || string.IsNullOrEmpty(entity.Group) || string.IsNullOrEmpty(entity.ApiVersion)
            || string.IsNullOrEmpty(entity.Kind) || string.IsNullOrEmpty(entity.PluralName))
        {
            throw new ArgumentException($"{type.Name} needs a [KubernetesEntity] attribute with Group, ApiVersion, Kind and PluralName.", nameof(type));
        }

        return new ResourceKind(entity.Group, entity.ApiVersion, entity.Kind, entity.PluralName);
    }

    /// <summary>A call on this resource (or one of its subresources).</summary>
    /// <param name="verb">The verb.</param>
    /// <param name="namespaceName">The namespace, or <see langword="null"/>.</param>
    /// <param name="name">The name, or <see langword="null"/>.</param>
    /// <param name="subresource">The subresource, for example <c>status</c>.</param>
    /// <returns>The call.</returns>
    public ApiCall Call(string verb, string? namespaceName, string? name, string? subresource = null) =>
        new(verb, Kind, subresource is null ? Plural : $"{Plural}/{subresource}", namespaceName, name);
}
