using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using k8s;
using k8s.Models;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// Finds a Job's task Pods through KubernetesClient's CoreV1 interface methods of the given
/// <see cref="IKubernetes"/> (never disposed here), with the SDK's retries and exceptions. Named Pods are read one
/// after the other. Thread-safe.
/// </summary>
public sealed class JobPodLookup : IJobPodLookup
{
    /// <summary>How many Pods one page of the label query asks for.</summary>
    public const int PageSize = 500;

    private readonly IKubernetes _kubernetes;
    private readonly ApiCallRunner _runner;

    /// <summary>Creates a lookup with the default retry settings and the system time for waits.</summary>
    /// <param name="kubernetes">The Kubernetes client to call through; not disposed here.</param>
    public JobPodLookup(IKubernetes kubernetes)
        : this(kubernetes, new KubernetesRetryOptions(), TimeProvider.System)
    {
    }

    /// <summary>Creates a lookup.</summary>
    /// <param name="kubernetes">The Kubernetes client to call through; not disposed here.</param>
    /// <param name="retryOptions">How to retry transient failures (copied; validated).</param>
    /// <param name="timeProvider">The time source for waits between retries.</param>
    /// <exception cref="ArgumentException">The retry options are invalid.</exception>
    public JobPodLookup(IKubernetes kubernetes, KubernetesRetryOptions retryOptions, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        _kubernetes = kubernetes;
        _runner = new ApiCallRunner(retryOptions, timeProvider);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<V1Pod>> ListCandidatePodsAsync(Job job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var namespaceName = job.Metadata?.NamespaceProperty;
        var uid = job.Metadata?.Uid;
        if (string.IsNullOrEmpty(namespaceName) || string.IsNullOrEmpty(uid))
        {
            throw new ArgumentException(
                $"Job {job.Metadata?.Name} has no {(string.IsNullOrEmpty(namespaceName) ? "metadata.namespace" : "metadata.uid")}; its Pods are found by namespace and UID label.",
                nameof(job));
        }

        var pods = new List<V1Pod>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var selector = $"{FurikoLabels.JobUid}={uid}";
        var call = new ApiCall("list", "Pod", "pods", namespaceName, null);
        string? token = null;
        do
        {
            var continueToken = token;
            var page = await _runner.RunAsync(
                call,
                RetrySafety.Idempotent,
                async ct =>
                {
                    using var response = await _kubernetes.CoreV1.ListNamespacedPodWithHttpMessagesAsync(
                        namespaceName, continueParameter: continueToken, labelSelector: selector, limit: PageSize, cancellationToken: ct).ConfigureAwait(false);
                    return response.Body;
                },
                cancellationToken).ConfigureAwait(false);
            foreach (var pod in page?.Items ?? [])
            {
                if (pod?.Metadata?.Name is { } name && names.Add(name))
                {
                    pods.Add(pod);
                }
            }

            token = string.IsNullOrEmpty(page?.Metadata?.ContinueProperty) ? null : page.Metadata.ContinueProperty;
        }
        while (token is not null);

        foreach (var taskRef in job.Status?.Tasks ?? [])
        {
            if (string.IsNullOrEmpty(taskRef?.Name) || !names.Add(taskRef.Name))
            {
                continue;
            }

            if (await ReadPodAsync(namespaceName, taskRef.Name, cancellationToken).ConfigureAwait(false) is { } pod)
            {
                pods.Add(pod);
            }
        }

        return pods;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<V1Pod>> ListJobPodsAsync(Job job, CancellationToken cancellationToken = default)
    {
        var candidates = await ListCandidatePodsAsync(job, cancellationToken).ConfigureAwait(false);
        return JobTaskSelector.Select(job, candidates);
    }

    private async Task<V1Pod?> ReadPodAsync(string namespaceName, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await _runner.RunAsync(
                new ApiCall("get", "Pod", "pods", namespaceName, name),
                RetrySafety.Idempotent,
                async ct =>
                {
                    using var response = await _kubernetes.CoreV1.ReadNamespacedPodWithHttpMessagesAsync(name, namespaceName, cancellationToken: ct).ConfigureAwait(false);
                    return response.Body;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (FurikoApiNotFoundException)
        {
            // The task's Pod is gone; its tombstone in the Job's status speaks for it.
            return null;
        }
    }
}
