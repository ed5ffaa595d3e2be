using System.Text.Json.Nodes;
using NodaTime;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>
/// How a Node looks when its kubelet is healthy or unreachable: the Ready condition and the
/// <c>node.kubernetes.io/unreachable</c> taints the node lifecycle controller sets.
/// </summary>
internal static class NodeHealth
{
    private const string UnreachableTaint = "node.kubernetes.io/unreachable";

    /// <summary>A new healthy Node.</summary>
    public static JsonObject NewNode(string name, IReadOnlyDictionary<string, string>? labels, Instant now)
    {
        var labelObject = new JsonObject { ["kubernetes.io/hostname"] = name };
        foreach (var (key, value) in labels ?? new Dictionary<string, string>())
        {
            labelObject[key] = value;
        }

        var node = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Node",
            ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = labelObject },
            ["spec"] = new JsonObject(),
            ["status"] = new JsonObject
            {
                ["conditions"] = new JsonArray(),
                ["addresses"] = new JsonArray(new JsonObject { ["type"] = "Hostname", ["address"] = name }),
            },
        };
        return Apply(node, healthy: true, now);
    }

    public static JsonObject Apply(JsonObject node, bool healthy, Instant now)
    {
        var updated = (JsonObject)node.DeepClone();
        var time = JsonFields.FormatTime(now);
        var status = updated["status"] as JsonObject ?? [];
        updated["status"] = status;
        var conditions = status["conditions"] as JsonArray ?? [];
        status["conditions"] = conditions;
        var ready = conditions.OfType<JsonObject>().FirstOrDefault(c => JsonFields.StringAt(c, "type") == "Ready");
        var wanted = healthy ? "True" : "Unknown";
        if (ready is null || JsonFields.StringAt(ready, "status") != wanted)
        {
            if (ready is not null)
            {
                conditions.Remove(ready);
            }

            conditions.Add(new JsonObject
            {
                ["type"] = "Ready",
                ["status"] = wanted,
                ["lastHeartbeatTime"] = time,
                ["lastTransitionTime"] = time,
                ["reason"] = healthy ? "KubeletReady" : "NodeStatusUnknown",
                ["message"] = healthy ? "kubelet is posting ready status" : "Kubelet stopped posting node status.",
            });
        }

        var spec = updated["spec"] as JsonObject ?? [];
        updated["spec"] = spec;
        var taints = new JsonArray([.. (spec["taints"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(t => JsonFields.StringAt(t, "key") != UnreachableTaint)
            .Select(t => t.DeepClone())]);
        if (!healthy)
        {
            var previous = (spec["taints"] as JsonArray ?? []).OfType<JsonObject>()
                .FirstOrDefault(t => JsonFields.StringAt(t, "key") == UnreachableTaint && JsonFields.StringAt(t, "effect") == "NoExecute");
            taints.Add(new JsonObject { ["key"] = UnreachableTaint, ["effect"] = "NoSchedule" });
            taints.Add(new JsonObject
            {
                ["key"] = UnreachableTaint,
                ["effect"] = "NoExecute",
                ["timeAdded"] = JsonFields.StringAt(previous, "timeAdded") ?? time,
            });
        }

        if (taints.Count > 0)
        {
            spec["taints"] = taints;
        }
        else
        {
            spec.Remove("taints");
        }

        return updated;
    }
}
