using Furiko.Sdk.Models;

namespace Furiko.Samples.Controller.Watching;

/// <summary>The work queue's key for a Job: its namespace and name. Immutable; thread-safe.</summary>
/// <param name="Namespace">The Job's namespace.</param>
/// <param name="Name">The Job's name.</param>
internal sealed record JobKey(string Namespace, string Name)
{
    /// <summary>The key of a Job read from the API server.</summary>
    /// <param name="job">The Job; it needs its namespace and name.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException">The Job lacks its namespace or name.</exception>
    public static JobKey Of(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var ns = job.Metadata?.NamespaceProperty;
        var name = job.Metadata?.Name;
        if (string.IsNullOrEmpty(ns) || string.IsNullOrEmpty(name))
        {
            throw new ArgumentException($"A Job from the watch has no {(string.IsNullOrEmpty(ns) ? "metadata.namespace" : "metadata.name")} (name \"{name}\", namespace \"{ns}\").", nameof(job));
        }

        return new JobKey(ns, name);
    }

    /// <summary><c>namespace/name</c>, as kubectl and the logs write it.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Namespace + "/" + Name;
}
