using NodaTime;

namespace Furiko.Sdk.Termination;

/// <summary>Converts KubernetesClient's <see cref="DateTime"/> timestamps to <see cref="Instant"/>. Thread-safe.</summary>
internal static class KubernetesTimestamps
{
    /// <summary>
    /// The instant of a timestamp read by KubernetesClient, which gives UTC or Unspecified kinds (taken as UTC).
    /// </summary>
    /// <param name="value">The timestamp.</param>
    /// <param name="fieldPath">The field it was read from, for the error message.</param>
    /// <exception cref="ArgumentException">The value has kind Local: a bug in the caller, since the API server speaks UTC.</exception>
    public static Instant ToInstant(DateTime value, string fieldPath)
    {
        if (value.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException(
                $"{fieldPath} is {value:O} with kind Local; Kubernetes timestamps must be UTC (or Unspecified, taken as UTC).",
                nameof(value));
        }

        return Instant.FromDateTimeUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc));
    }
}
