using System.Globalization;
using Furiko.Sdk.Models;

namespace Furiko.Sdk.Status;

/// <summary>
/// Reads a task's retry index and parallel index back from the labels and annotation Furiko puts on its Pod
/// (FURIKO-SEMANTICS 1). Thread-safe.
/// </summary>
internal static class PodTaskIndexes
{
    /// <summary>The retry index from the <c>execution.furiko.io/task-retry-index</c> label; 0 when the label is absent.</summary>
    /// <param name="source">The Pod.</param>
    /// <returns>The retry index, 0 or more.</returns>
    /// <exception cref="ArgumentException">The label is not a decimal number of 0 or more.</exception>
    public static long RetryIndex(PodSource source)
    {
        if (source.Pod.Metadata?.Labels?.TryGetValue(FurikoLabels.TaskRetryIndex, out var value) is not true)
        {
            return 0;
        }

        // Furiko writes strconv.Itoa of a count from 0; anything else (a sign, spaces, a fraction) was not written by
        // it. Furiko itself would quietly read 0 for such a value, which would merge the task into the first attempt.
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return index;
        }

        throw source.Invalid(
            $"metadata.labels[\"{FurikoLabels.TaskRetryIndex}\"]",
            $"is {Quote(value)}; expected the task's retry index, a decimal number of 0 or more.");
    }

    /// <summary>The parallel index from the <c>execution.furiko.io/task-parallel-index</c> annotation.</summary>
    /// <param name="source">The Pod.</param>
    /// <returns>The index, or <see langword="null"/> when the annotation is absent.</returns>
    /// <exception cref="ArgumentException">The annotation is not a parallel index in JSON.</exception>
    public static ParallelIndex? ParallelIndex(PodSource source)
    {
        if (source.Pod.Metadata?.Annotations?.TryGetValue(FurikoAnnotations.TaskParallelIndex, out var value) is not true)
        {
            return null;
        }

        if (ParallelIndexAnnotation.TryParse(value, out var index) && index is not null)
        {
            return index;
        }

        throw source.Invalid(
            $"metadata.annotations[\"{FurikoAnnotations.TaskParallelIndex}\"]",
            $"is {Quote(value)}; expected the task's parallel index as JSON, for example {{\"indexNumber\":0}}.");
    }

    /// <summary>The <c>execution.furiko.io/task-parallel-index-hash</c> label.</summary>
    /// <param name="source">The Pod.</param>
    /// <returns>The hash, or <see langword="null"/> when the label is absent or empty.</returns>
    public static string? ParallelIndexHash(PodSource source) =>
        source.Pod.Metadata?.Labels?.TryGetValue(FurikoLabels.TaskParallelIndexHash, out var value) is true && !string.IsNullOrEmpty(value)
            ? value
            : null;

    private static string Quote(string? value) => value is null ? "null" : $"\"{value}\"";
}
