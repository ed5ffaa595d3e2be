namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// What to watch and from where: label and field selectors (as for <see cref="ListOptions"/>), the resourceVersion
/// to start after, and an optional server-side time limit per connection. Immutable; thread-safe.
/// </summary>
public sealed record WatchOptions
{
    /// <summary>Only objects whose labels match; <see langword="null"/> for all.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>Only objects whose fields match; <see langword="null"/> for all.</summary>
    public string? FieldSelector { get; init; }

    /// <summary>
    /// Start with the changes after this resourceVersion (typically <c>metadata.resourceVersion</c> of a list the
    /// caller made). <see langword="null"/> (the default): the watch lists the objects first, emits each as
    /// <see cref="k8s.WatchEventType.Added"/>, and then watches from that list.
    /// </summary>
    public string? ResourceVersion { get; init; }

    /// <summary>
    /// Ask the server to close each connection after this many seconds (at least 1); the watch then reconnects
    /// from where it was, so no event is lost. <see langword="null"/> leaves it to the server.
    /// </summary>
    public int? TimeoutSeconds { get; init; }

    internal void Validate(string parameterName)
    {
        if (TimeoutSeconds is < 1)
        {
            throw new ArgumentOutOfRangeException(parameterName, TimeoutSeconds, $"{nameof(WatchOptions)}.{nameof(TimeoutSeconds)} is {TimeoutSeconds}; it must be at least 1, or null.");
        }

        if (ResourceVersion is { Length: 0 })
        {
            throw new ArgumentException($"{nameof(WatchOptions)}.{nameof(ResourceVersion)} is empty; give a resourceVersion or null to list first.", parameterName);
        }
    }
}
