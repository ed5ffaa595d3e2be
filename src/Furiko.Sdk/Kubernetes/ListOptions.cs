namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// What to list and how much at once: label and field selectors (Kubernetes syntax, for example
/// <c>app=batch,tier!=web</c> and <c>metadata.name=my-job</c>), a page size and the continue token of the page
/// before. Immutable; thread-safe.
/// </summary>
public sealed record ListOptions
{
    /// <summary>Only objects whose labels match, for example <c>execution.furiko.io/job-config-uid=1234</c>; <see langword="null"/> for all.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>Only objects whose fields match, for example <c>metadata.name=my-job</c>; <see langword="null"/> for all.</summary>
    public string? FieldSelector { get; init; }

    /// <summary>The largest number of objects in one page (at least 1); <see langword="null"/> for no limit (the server may still page).</summary>
    public int? Limit { get; init; }

    /// <summary>The continue token of the previous page (<c>metadata.continue</c> of the list); <see langword="null"/> for the first page.</summary>
    public string? Continue { get; init; }

    internal void Validate(string parameterName)
    {
        if (Limit is < 1)
        {
            throw new ArgumentOutOfRangeException(parameterName, Limit, $"{nameof(ListOptions)}.{nameof(Limit)} is {Limit}; it must be at least 1, or null for no limit.");
        }
    }
}
