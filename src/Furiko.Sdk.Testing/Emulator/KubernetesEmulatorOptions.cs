using NodaTime;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>
/// Settings of a <see cref="KubernetesEmulator"/>, fixed when it is constructed. Not thread-safe while being
/// filled in; treat as immutable once passed to the emulator.
/// </summary>
public sealed class KubernetesEmulatorOptions
{
    /// <summary>
    /// How long after a graceful Pod deletion request the simulated kubelet of a healthy node stops the containers
    /// and removes the Pod. Never later than the deletion deadline: a grace period shorter than this delay ends at
    /// the deadline. Default 1 second; zero means at the request itself (on the next processing of due work).
    /// </summary>
    public Duration KubeletStopDelay { get; init; } = Duration.FromSeconds(1);

    /// <summary>
    /// How long after a Pod bound to a healthy node (<c>spec.nodeName</c> set) is created through the API its
    /// simulated kubelet starts it: phase Running, every container started and ready. <see langword="null"/> (the
    /// default) means kubelets never start Pods created through the API; they stay Pending until a test writes
    /// their status (seed running Pods with <see cref="KubernetesEmulator.AddRunningPod(k8s.Models.V1Pod)"/>).
    /// Pods on a node marked down, or without a node, are never started.
    /// </summary>
    public Duration? KubeletStartDelay { get; init; }

    /// <summary>
    /// The exit code the simulated kubelet writes into every stopped container's terminated state. 143 (the
    /// default: the process ended on SIGTERM) gives reason <c>Error</c> and Pod phase <c>Failed</c>; 0 gives reason
    /// <c>Completed</c> and phase <c>Succeeded</c>; any other non-zero code gives <c>Error</c> and <c>Failed</c>.
    /// </summary>
    public int ContainerExitCode { get; init; } = 143;

    /// <summary>
    /// How many change events the emulator keeps for watches that resume from a resourceVersion. A watch from a
    /// resourceVersion older than the oldest kept event gets a 410 Expired ERROR event. Default 1000; at least 1.
    /// </summary>
    public int WatchHistoryLimit { get; init; } = 1000;

    /// <summary>
    /// Seed of the random source for UIDs and <c>generateName</c> suffixes, so that a test sees the same names every
    /// run. Default 1.
    /// </summary>
    public int RandomSeed { get; init; } = 1;

    /// <summary>
    /// Source of wall-clock waiting (injected delays, watch <c>timeoutSeconds</c>). Object timestamps and the Pod
    /// deletion rules never use it: they follow the emulator's <see cref="IClock"/>. Default <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Further custom resources to serve, beyond <see cref="EmulatedResource.BuiltIn"/>.</summary>
    public IReadOnlyList<EmulatedResource> AdditionalResources { get; init; } = [];

    /// <summary>Checks every setting and names each one that is out of range.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message lists every problem.</exception>
    internal void Validate()
    {
        var problems = new List<string>();
        if (KubeletStopDelay < Duration.Zero)
        {
            problems.Add($"{nameof(KubeletStopDelay)} must not be negative (got {KubeletStopDelay}).");
        }

        if (KubeletStartDelay < Duration.Zero)
        {
            problems.Add($"{nameof(KubeletStartDelay)} must not be negative (got {KubeletStartDelay}).");
        }

        if (ContainerExitCode is < 0 or > 255)
        {
            problems.Add($"{nameof(ContainerExitCode)} must be from 0 to 255 (got {ContainerExitCode}).");
        }

        if (WatchHistoryLimit < 1)
        {
            problems.Add($"{nameof(WatchHistoryLimit)} must be at least 1 (got {WatchHistoryLimit}).");
        }

        if (TimeProvider is null)
        {
            problems.Add($"{nameof(TimeProvider)} must not be null.");
        }

        if (AdditionalResources is null || AdditionalResources.Any(r => r is null))
        {
            problems.Add($"{nameof(AdditionalResources)} must not be null nor contain null.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid KubernetesEmulatorOptions: " + string.Join(" ", problems), "options");
        }
    }
}
