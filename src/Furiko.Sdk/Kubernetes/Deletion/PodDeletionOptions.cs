using System.Globalization;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// How <see cref="PodDeletionStrategy"/> deletes task Pods. A plain mutable options object: configure it before
/// use, then do not change it.
/// </summary>
public sealed class PodDeletionOptions
{
    /// <summary>The largest <see cref="GracePeriodSeconds"/> accepted: 31,536,000 (365 days).</summary>
    public const long MaxGracePeriodSeconds = 365L * 24 * 60 * 60;

    /// <summary>
    /// The grace period, in seconds, a graceful delete asks for. <see langword="null"/> (the default) sends none, so
    /// each Pod's own <c>spec.terminationGracePeriodSeconds</c> applies, as with Furiko. A forced delete always
    /// sends 0, whatever this says. From 0 to <see cref="MaxGracePeriodSeconds"/>.
    /// </summary>
    public long? GracePeriodSeconds { get; set; }

    /// <summary>Lists every setting that is out of range, each naming the setting, its value and what is allowed.</summary>
    /// <returns>The problems; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate() =>
        GracePeriodSeconds is < 0 or > MaxGracePeriodSeconds
            ? [string.Create(CultureInfo.InvariantCulture, $"{nameof(GracePeriodSeconds)} is {GracePeriodSeconds}; it must be unset (the Pod's own grace period) or from 0 to {MaxGracePeriodSeconds}.")]
            : [];

    /// <summary>A copy, so that a component keeps the settings it was built with.</summary>
    /// <returns>A new options object with the same settings.</returns>
    public PodDeletionOptions Clone() => (PodDeletionOptions)MemberwiseClone();
}
