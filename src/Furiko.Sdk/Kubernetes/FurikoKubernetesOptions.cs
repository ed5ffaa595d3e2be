using Furiko.Sdk.KillRequests;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// Settings of the Kubernetes adapters registered by <c>AddFurikoKubernetes</c>, bound from the configuration
/// section <see cref="SectionName"/> (for example <c>Furiko:Kubernetes:Retry:MaxAttempts</c>) and validated at
/// start-up by <see cref="FurikoKubernetesOptionsValidator"/>. Each part is the options object of one adapter, so
/// the adapters can also be built by hand with the same settings. A plain mutable settings object: not
/// thread-safe while being configured; read-only afterwards.
/// </summary>
public sealed class FurikoKubernetesOptions
{
    /// <summary>The configuration section the options are bound from: <c>Furiko:Kubernetes</c>.</summary>
    public const string SectionName = "Furiko:Kubernetes";

    /// <summary>How every call to the API server is retried (typed clients, Pod lookup, deletes, status writes, Events).</summary>
    public KubernetesRetryOptions Retry { get; set; } = new();

    /// <summary>How task Pods are deleted.</summary>
    public PodDeletionOptions PodDeletion { get; set; } = new();

    /// <summary>How a Job's status is written.</summary>
    public JobStatusWriterOptions StatusWriter { get; set; } = new();

    /// <summary>How Events are recorded on Jobs.</summary>
    public JobEventOptions Events { get; set; } = new();

    /// <summary>How kill requests are made.</summary>
    public KillRequestServiceOptions KillRequests { get; set; } = new();

    /// <summary>
    /// Lists every setting that is out of range, each with its configuration path (for example
    /// <c>Furiko:Kubernetes:Retry:MaxAttempts is 0; ...</c>).
    /// </summary>
    /// <returns>The problems; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        Add(problems, nameof(Retry), Retry?.Validate());
        Add(problems, nameof(PodDeletion), PodDeletion?.Validate());
        Add(problems, nameof(StatusWriter), StatusWriter?.Validate());
        Add(problems, nameof(Events), Events?.Validate());
        Add(problems, nameof(KillRequests), KillRequests?.Validate());
        return problems;
    }

    private static void Add(List<string> problems, string part, IReadOnlyList<string>? found)
    {
        if (found is null)
        {
            problems.Add($"{SectionName}:{part} is null; leave it unset for the defaults.");
            return;
        }

        foreach (var problem in found)
        {
            problems.Add($"{SectionName}:{part}:{problem}");
        }
    }
}
