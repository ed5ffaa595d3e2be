using System.Text.Json.Nodes;
using NodaTime;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>
/// The simulated kubelets: for each gracefully deleted Pod on a healthy node, stop its containers within the
/// grace period (<see cref="KubernetesEmulatorOptions.KubeletStopDelay"/> after the request, never after the
/// deadline), report the terminated containers and the final phase, then delete the Pod with no grace period left,
/// as a real kubelet does; and, when <see cref="KubernetesEmulatorOptions.KubeletStartDelay"/> is set, start Pending
/// Pods bound to a healthy node once that delay after their creation has passed. A Pod on a node marked down, or on a node that does not exist, stays Terminating until
/// it is force-deleted. Runs deterministically by the emulator's clock, at the start of every request and on
/// <see cref="KubernetesEmulator.ProcessDueWork"/>.
/// </summary>
internal sealed partial class ApiServer
{
    private int RunDueWork(Instant now)
    {
        // Only the Pods on the agenda whose time has come, in key order, as a scan of every Pod would meet them.
        var changed = 0;
        foreach (var (key, pod) in _kubelets.TakeDue(now, _store.All(EmulatedResource.Pods)))
        {
            if (KubeletDueAt(pod) is { } due && due <= now)
            {
                StopPod(pod, now);
                changed++;
            }
            else if (StartDueAt(pod) is { } start && start <= now)
            {
                _store.Replace(EmulatedResource.Pods, RunningPod.Build((JsonObject)pod.DeepClone(), now), pod);
                changed++;
            }
            else
            {
                _kubelets.PodStored(key, pod);
            }
        }

        return changed;
    }

    /// <summary>When a kubelet will next act on this Pod (stop it or start it), or null if none will.</summary>
    private Instant? KubeletWorkDueAt(JsonObject pod) => (KubeletDueAt(pod), StartDueAt(pod)) switch
    {
        ({ } stop, { } start) => Instant.Min(stop, start),
        ({ } stop, null) => stop,
        (null, var start) => start,
    };

    /// <summary>Keeps the kubelets' agenda in step with the store: a Pod written gets its entry, a node change rebuilds it.</summary>
    private void Committed(WatchEventRecord change)
    {
        if (change.Resource.IsNode)
        {
            _kubelets.Invalidate();
        }
        else if (change.Resource.IsPod && change.Type != k8s.WatchEventType.Deleted)
        {
            _kubelets.PodStored(ObjectStore.Key(JsonFields.Namespace(change.Object), JsonFields.Name(change.Object)), change.Object);
        }
    }

    /// <summary>When this Pod's kubelet will act on its deletion, or null if no kubelet will.</summary>
    private Instant? KubeletDueAt(JsonObject pod)
    {
        var deadline = JsonFields.ParseTime(JsonFields.MetadataString(pod, "deletionTimestamp"));
        var node = JsonFields.StringAt(pod, "spec", "nodeName");
        if (deadline is null || string.IsNullOrEmpty(node) || !IsNodeHealthy(node))
        {
            return null;
        }

        var grace = JsonFields.LongAt(pod, "metadata", "deletionGracePeriodSeconds") ?? 0;
        if (grace == 0 && IsFinished(pod))
        {
            return null;
        }

        var requested = deadline.Value - Duration.FromSeconds(grace);
        var delay = Duration.Min(_options.KubeletStopDelay, Duration.FromSeconds(grace));
        return requested + delay;
    }

    /// <summary>When this Pod's kubelet will start it, or null if no kubelet will.</summary>
    private Instant? StartDueAt(JsonObject pod)
    {
        if (_options.KubeletStartDelay is not { } delay
            || JsonFields.MetadataString(pod, "deletionTimestamp") is not null
            || JsonFields.StringAt(pod, "status", "phase") is not (null or "" or "Pending")
            || JsonFields.StringAt(pod, "spec", "nodeName") is not { Length: > 0 } node
            || !IsNodeHealthy(node)
            || JsonFields.ParseTime(JsonFields.MetadataString(pod, "creationTimestamp")) is not { } created)
        {
            return null;
        }

        return created + delay;
    }

    private bool IsNodeHealthy(string node) => !_downNodes.Contains(node) && _store.Find(EmulatedResource.Nodes, null, node) is not null;

    private static bool IsFinished(JsonObject pod) => JsonFields.StringAt(pod, "status", "phase") is "Succeeded" or "Failed";

    private void StopPod(JsonObject pod, Instant now)
    {
        var resource = EmulatedResource.Pods;
        var current = pod;
        if (!IsFinished(pod))
        {
            current = _store.Replace(resource, WithStoppedContainers(pod, now), pod);
        }

        var grace = JsonFields.LongAt(current, "metadata", "deletionGracePeriodSeconds") ?? 0;
        if (grace == 0)
        {
            return;
        }

        // The kubelet's own final DELETE with grace period 0.
        if (JsonFields.Finalizers(current).Count == 0)
        {
            _store.Remove(resource, current);
            return;
        }

        var held = (JsonObject)current.DeepClone();
        var metadata = JsonFields.Metadata(held);
        var deadline = JsonFields.ParseTime(JsonFields.MetadataString(current, "deletionTimestamp"))!.Value;
        metadata["deletionTimestamp"] = JsonFields.FormatTime(deadline - Duration.FromSeconds(grace));
        metadata["deletionGracePeriodSeconds"] = 0;
        _store.Replace(resource, held, current);
    }

    /// <summary>The Pod as its kubelet reports it once every container has exited.</summary>
    private JsonObject WithStoppedContainers(JsonObject pod, Instant now)
    {
        var exitCode = _options.ContainerExitCode;
        var reason = exitCode == 0 ? "Completed" : "Error";
        var stoppedAt = JsonFields.FormatTime(now);
        var updated = (JsonObject)pod.DeepClone();
        var status = updated["status"] as JsonObject ?? [];
        updated["status"] = status;

        var previous = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        if (status["containerStatuses"] is JsonArray oldStatuses)
        {
            foreach (var item in oldStatuses.OfType<JsonObject>())
            {
                previous[JsonFields.StringAt(item, "name") ?? ""] = item;
            }
        }

        var statuses = new JsonArray();
        foreach (var container in (pod["spec"]?["containers"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = JsonFields.StringAt(container, "name") ?? "";
            previous.TryGetValue(name, out var old);
            var containerId = JsonFields.StringAt(old, "containerID") ?? "containerd://" + _names.NewUid().Replace("-", "", StringComparison.Ordinal);
            var terminated = new JsonObject { ["exitCode"] = exitCode, ["reason"] = reason };
            if (JsonFields.StringAt(old, "state", "running", "startedAt") is { } startedAt)
            {
                terminated["startedAt"] = startedAt;
            }

            terminated["finishedAt"] = stoppedAt;
            terminated["containerID"] = containerId;
            statuses.Add(new JsonObject
            {
                ["name"] = name,
                ["image"] = JsonFields.StringAt(container, "image") ?? "",
                ["imageID"] = JsonFields.StringAt(old, "imageID") ?? "",
                ["containerID"] = containerId,
                ["ready"] = false,
                ["started"] = false,
                ["restartCount"] = JsonFields.LongAt(old, "restartCount") ?? 0,
                ["state"] = new JsonObject { ["terminated"] = terminated },
                ["lastState"] = old?["lastState"]?.DeepClone() ?? new JsonObject(),
            });
        }

        status["containerStatuses"] = statuses;
        status["phase"] = exitCode == 0 ? "Succeeded" : "Failed";
        if (status["conditions"] is JsonArray conditions)
        {
            foreach (var condition in conditions.OfType<JsonObject>())
            {
                if (JsonFields.StringAt(condition, "type") is "Ready" or "ContainersReady" && JsonFields.StringAt(condition, "status") != "False")
                {
                    condition["status"] = "False";
                    condition["reason"] = "PodCompleted";
                    condition["lastTransitionTime"] = stoppedAt;
                }
            }
        }

        return updated;
    }
}
