using Furiko.Sdk;
using k8s;
using k8s.Models;
using NodaTime;

namespace Furiko.Samples.Demo;

/// <summary>Looks at the Job's Pods at each step and reports what changed since the previous look.</summary>
internal sealed class PodWatcher(IKubernetes client, string namespaceName, string jobUid)
{
    private Dictionary<string, string> _previous = new(StringComparer.Ordinal);

    /// <summary>The Pods as last seen, by name.</summary>
    public IReadOnlyDictionary<string, V1Pod> Current { get; private set; } = new Dictionary<string, V1Pod>();

    public async Task<IReadOnlyList<string>> LookAsync(CancellationToken cancellationToken)
    {
        var pods = await client.CoreV1.ListNamespacedPodAsync(
            namespaceName, labelSelector: $"{FurikoLabels.JobUid}={jobUid}", cancellationToken: cancellationToken).ConfigureAwait(false);
        var now = pods.Items.ToDictionary(pod => pod.Metadata.Name, StringComparer.Ordinal);
        var changes = new List<string>();
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, pod) in now.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var state = Describe(pod);
            states[name] = state;
            if (!_previous.TryGetValue(name, out var before) || before != state)
            {
                changes.Add($"Pod {name}: {state}");
            }
        }

        foreach (var name in _previous.Keys.Where(name => !now.ContainsKey(name)).Order(StringComparer.Ordinal))
        {
            changes.Add($"Pod {name}: gone");
        }

        _previous = states;
        Current = now;
        return changes;
    }

    private static string Describe(V1Pod pod)
    {
        var phase = pod.Status?.Phase ?? "Pending";
        if (pod.Metadata.DeletionTimestamp is { } deadline)
        {
            var grace = pod.Metadata.DeletionGracePeriodSeconds;
            return $"Terminating on {pod.Spec.NodeName} (phase {phase}, grace period {grace}s, deletion deadline {Instant.FromDateTimeUtc(DateTime.SpecifyKind(deadline, DateTimeKind.Utc))})";
        }

        return $"{phase} on {pod.Spec.NodeName}";
    }
}
