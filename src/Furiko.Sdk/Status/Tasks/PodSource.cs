using Furiko.Sdk.Serialization;
using k8s.Models;
using NodaTime;

namespace Furiko.Sdk.Status;

/// <summary>
/// A Pod being read into a task, with what every rule needs: a name for error messages and time conversion
/// that names the offending field. Thread-safe as long as the Pod is not changed while it is read.
/// </summary>
internal readonly struct PodSource
{
    public PodSource(V1Pod pod)
    {
        Pod = pod;
        Subject = Describe(pod);
    }

    /// <summary>The Pod.</summary>
    public V1Pod Pod { get; }

    /// <summary>How error messages name the Pod, for example <c>Pod default/my-job-gezdqo-0</c>.</summary>
    public string Subject { get; }

    /// <summary>The Pod's status; <see langword="null"/> before anything reported on it (as for an object built by hand).</summary>
    public V1PodStatus? Status => Pod.Status;

    /// <summary>The Pod's phase (<c>status.phase</c>), empty when unset.</summary>
    public string Phase => Pod.Status?.Phase ?? string.Empty;

    /// <summary>Whether the Pod's phase is terminal: Succeeded or Failed.</summary>
    public bool IsFinished => Phase is PodPhases.Succeeded or PodPhases.Failed;

    /// <summary>Converts a time of this Pod.</summary>
    /// <param name="value">The value.</param>
    /// <param name="fieldPath">Where it sits, for example <c>status.startTime</c>.</param>
    /// <returns>The instant, or <see langword="null"/> when unset.</returns>
    public Instant? Time(DateTime? value, string fieldPath) => KubernetesTimeConverter.ToInstant(value, Subject, fieldPath);

    /// <summary>An error about one field of this Pod.</summary>
    /// <param name="fieldPath">The field, for example <c>metadata.name</c>.</param>
    /// <param name="problem">What is wrong with it, as the rest of a sentence starting with the field.</param>
    /// <returns>The exception to throw.</returns>
    public ArgumentException Invalid(string fieldPath, string problem) => new($"{Subject}: {fieldPath} {problem}");

    private static string Describe(V1Pod pod)
    {
        var name = string.IsNullOrEmpty(pod.Metadata?.Name) ? "(no name)" : pod.Metadata.Name;
        return string.IsNullOrEmpty(pod.Metadata?.NamespaceProperty) ? $"Pod {name}" : $"Pod {pod.Metadata.NamespaceProperty}/{name}";
    }
}
