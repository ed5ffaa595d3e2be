using Furiko.Sdk.Models;

namespace Furiko.Sdk.Kubernetes;

/// <summary>The namespace, name and UID of the Job a pass is about, checked once so that later steps can rely on them.</summary>
/// <param name="Namespace">The Job's namespace.</param>
/// <param name="Name">The Job's name.</param>
/// <param name="Uid">The Job's UID; a Job of the same name with another UID is another Job.</param>
internal readonly record struct JobIdentity(string Namespace, string Name, string Uid)
{
    /// <summary>Reads and checks the identity of a Job.</summary>
    /// <exception cref="ArgumentException">A field is missing; the message names it.</exception>
    public static JobIdentity Of(Job job, string parameterName, bool needsResourceVersion = true)
    {
        var metadata = job.Metadata;
        var missing = metadata is null ? "metadata"
            : string.IsNullOrEmpty(metadata.NamespaceProperty) ? "metadata.namespace"
            : string.IsNullOrEmpty(metadata.Name) ? "metadata.name"
            : string.IsNullOrEmpty(metadata.Uid) ? "metadata.uid"
            : needsResourceVersion && string.IsNullOrEmpty(metadata.ResourceVersion) ? "metadata.resourceVersion"
            : null;
        if (missing is not null)
        {
            throw new ArgumentException(
                $"Job {metadata?.NamespaceProperty}/{metadata?.Name} has no {missing}; give the Job as read from the API server.", parameterName);
        }

        return new JobIdentity(metadata!.NamespaceProperty, metadata.Name, metadata.Uid);
    }

    /// <summary><c>namespace/name</c>.</summary>
    public override string ToString() => $"{Namespace}/{Name}";
}
