using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Furiko.Sdk.Benchmarks.Floors;

/// <summary>
/// The floor of the kill benchmark: the requests of a kill sent straight through KubernetesClient, with no
/// derivation, planning or checking in between. It reads the Job and lists its Pods (pages of <see cref="PageSize"/>,
/// as the SDK asks), stores the tombstones, deletes every Pod gracefully with its UID as precondition, records one
/// <c>Deleted</c> Event per Pod, optionally reads the Job and its Pods again (as the SDK's reconciler does after its
/// deletes), and stores the final status; the deletes and the Events go out at most <c>maxConcurrency</c> at a time.
/// The two status bodies are given (those the SDK sent, so the bodies are the same size), only their resourceVersion
/// is set per write. Not thread-safe: one kill at a time.
/// </summary>
public sealed class KillRequestFloor
{
    /// <summary>How many Pods one page of the list asks for (as <c>JobPodLookup.PageSize</c>).</summary>
    public const int PageSize = 500;

    private const string Group = "execution.furiko.io";
    private const string Version = "v1alpha1";
    private const string Plural = "jobs";
    private const string Component = "furiko-sdk";

    private readonly JsonObject _tombstoneStatus;
    private readonly JsonObject _finalStatus;
    private readonly int _maxConcurrency;
    private readonly bool _readAgain;

    /// <summary>Creates the floor.</summary>
    /// <param name="tombstoneStatusBody">The body of the status write that stores the tombstones ahead of the deletes (a whole Job, as JSON).</param>
    /// <param name="finalStatusBody">The body of the status write after the deletes (a whole Job, as JSON).</param>
    /// <param name="maxConcurrency">How many deletes (and Events) may be in flight at once.</param>
    /// <param name="readAgain">Whether to read the Job and list its Pods again after the Events, before the final status write.</param>
    public KillRequestFloor(string tombstoneStatusBody, string finalStatusBody, int maxConcurrency, bool readAgain)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        _tombstoneStatus = JsonNode.Parse(tombstoneStatusBody)!.AsObject();
        _finalStatus = JsonNode.Parse(finalStatusBody)!.AsObject();
        _maxConcurrency = maxConcurrency;
        _readAgain = readAgain;
    }

    /// <summary>Kills the Job: read, list, tombstones, deletes, Events, (read and list again,) final status.</summary>
    /// <param name="kubernetes">The client to send through.</param>
    /// <param name="namespaceName">The Job's namespace.</param>
    /// <param name="jobName">The Job's name.</param>
    /// <param name="now">The Events' timestamps (UTC).</param>
    /// <param name="cancellationToken">Abandons the kill.</param>
    /// <returns>How many Pods were deleted.</returns>
    public async Task<int> KillAsync(IKubernetes kubernetes, string namespaceName, string jobName, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        var (jobUid, resourceVersion) = await ReadJobAsync(kubernetes, namespaceName, jobName, cancellationToken);
        var pods = await ListPodsAsync(kubernetes, namespaceName, jobUid, cancellationToken);
        var written = await WriteStatusAsync(kubernetes, _tombstoneStatus, resourceVersion, namespaceName, jobName, cancellationToken);

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _maxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(pods, parallel, async (pod, token) =>
        {
            var options = new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = pod.Uid } };
            using var deleted = await kubernetes.CoreV1.DeleteNamespacedPodWithHttpMessagesAsync(pod.Name, namespaceName, options, cancellationToken: token);
        });

        await Parallel.ForEachAsync(pods, parallel, async (pod, token) =>
        {
            var body = Deleted(namespaceName, jobName, jobUid, resourceVersion, pod.Name, now);
            using var created = await kubernetes.CoreV1.CreateNamespacedEventWithHttpMessagesAsync(body, namespaceName, cancellationToken: token);
        });

        if (_readAgain)
        {
            (_, written) = await ReadJobAsync(kubernetes, namespaceName, jobName, cancellationToken);
            await ListPodsAsync(kubernetes, namespaceName, jobUid, cancellationToken);
        }

        await WriteStatusAsync(kubernetes, _finalStatus, written, namespaceName, jobName, cancellationToken);
        return pods.Count;
    }

    private static async Task<(string Uid, string ResourceVersion)> ReadJobAsync(
        IKubernetes kubernetes, string namespaceName, string jobName, CancellationToken cancellationToken)
    {
        using var read = await kubernetes.CustomObjects.GetNamespacedCustomObjectWithHttpMessagesAsync(
            Group, Version, namespaceName, Plural, jobName, cancellationToken: cancellationToken);
        var metadata = ((JsonElement)read.Body).GetProperty("metadata");
        return (metadata.GetProperty("uid").GetString()!, metadata.GetProperty("resourceVersion").GetString()!);
    }

    private static async Task<List<(string Name, string Uid)>> ListPodsAsync(
        IKubernetes kubernetes, string namespaceName, string jobUid, CancellationToken cancellationToken)
    {
        var pods = new List<(string Name, string Uid)>();
        string? next = null;
        do
        {
            using var page = await kubernetes.CoreV1.ListNamespacedPodWithHttpMessagesAsync(
                namespaceName, continueParameter: next, labelSelector: "execution.furiko.io/job-uid=" + jobUid, limit: PageSize, cancellationToken: cancellationToken);
            foreach (var pod in page.Body.Items)
            {
                pods.Add((pod.Metadata.Name, pod.Metadata.Uid));
            }

            next = string.IsNullOrEmpty(page.Body.Metadata.ContinueProperty) ? null : page.Body.Metadata.ContinueProperty;
        }
        while (next is not null);

        return pods;
    }

    private static async Task<string> WriteStatusAsync(
        IKubernetes kubernetes, JsonObject body, string resourceVersion, string namespaceName, string jobName, CancellationToken cancellationToken)
    {
        body["metadata"]!["resourceVersion"] = resourceVersion;
        using var response = await kubernetes.CustomObjects.ReplaceNamespacedCustomObjectStatusWithHttpMessagesAsync(
            body, Group, Version, namespaceName, Plural, jobName, cancellationToken: cancellationToken);
        return ((JsonElement)response.Body).GetProperty("metadata").GetProperty("resourceVersion").GetString()!;
    }

    // The Event Furiko's recorder writes for a deleted task (FURIKO-SEMANTICS 3, Events), with the same fields as the SDK's.
    private static Corev1Event Deleted(string namespaceName, string jobName, string jobUid, string resourceVersion, string podName, DateTime now) => new()
    {
        Metadata = new V1ObjectMeta { GenerateName = jobName + ".", NamespaceProperty = namespaceName },
        InvolvedObject = new V1ObjectReference
        {
            ApiVersion = Group + "/" + Version,
            Kind = "Job",
            Name = jobName,
            NamespaceProperty = namespaceName,
            Uid = jobUid,
            ResourceVersion = resourceVersion,
        },
        Type = "Warning",
        Reason = "Deleted",
        Message = "Deleted task " + podName,
        Source = new V1EventSource { Component = Component },
        ReportingComponent = Component,
        FirstTimestamp = now,
        LastTimestamp = now,
        Count = 1,
    };
}
