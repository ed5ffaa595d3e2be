using System.Globalization;
using NodaTime;

namespace Furiko.Sdk.Serialization;

/// <summary>
/// Turns KubernetesClient's <see cref="DateTime"/> values into NodaTime <see cref="Instant"/>s at the edge of the
/// SDK. KubernetesClient's JSON and YAML readers (version 21) produce <see cref="DateTimeKind.Utc"/>; a
/// <see cref="DateTimeKind.Unspecified"/> value (for example a model built in code, or read by a YAML reader that
/// drops the kind) holds UTC clock time as Kubernetes times always do, so it is read as UTC. A
/// <see cref="DateTimeKind.Local"/> value never comes from the API server: it means some code built the object
/// with local time, which would silently shift every decision by the machine's offset, so it is refused.
/// Thread-safe.
/// </summary>
internal static class KubernetesTimeConverter
{
    /// <summary>Converts an optional Kubernetes time.</summary>
    /// <param name="value">The value from a KubernetesClient model.</param>
    /// <param name="subject">What the value belongs to, for the error message (for example <c>Pod default/x</c>).</param>
    /// <param name="fieldPath">Where the value sits in the object, for the error message.</param>
    /// <returns>The instant, or <see langword="null"/> when <paramref name="value"/> is.</returns>
    /// <exception cref="ArgumentException">The value's kind is <see cref="DateTimeKind.Local"/>.</exception>
    public static Instant? ToInstant(DateTime? value, string subject, string fieldPath) =>
        value is { } time ? ToInstant(time, subject, fieldPath) : null;

    /// <summary>Converts a Kubernetes time.</summary>
    /// <param name="value">The value from a KubernetesClient model.</param>
    /// <param name="subject">What the value belongs to, for the error message (for example <c>Pod default/x</c>).</param>
    /// <param name="fieldPath">Where the value sits in the object, for the error message.</param>
    /// <returns>The instant.</returns>
    /// <exception cref="ArgumentException">The value's kind is <see cref="DateTimeKind.Local"/>.</exception>
    public static Instant ToInstant(DateTime value, string subject, string fieldPath)
    {
        if (value.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException(
                $"{subject}: {fieldPath} is {value.ToString("o", CultureInfo.InvariantCulture)} with DateTimeKind.Local; "
                + "Kubernetes times must be UTC (DateTimeKind.Utc, or Unspecified holding UTC clock time).");
        }

        return Instant.FromDateTimeUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc));
    }
}
