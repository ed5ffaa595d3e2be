using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>Turns a Pod into the one its kubelet reports once it runs: phase Running, every container started and ready.</summary>
internal static class RunningPod
{
    public static JsonObject Build(JsonObject pod, Instant now)
    {
        var time = JsonFields.FormatTime(now);
        var spec = pod["spec"] as JsonObject ?? [];
        pod["spec"] = spec;
        if (spec["containers"] is not JsonArray { Count: > 0 })
        {
            spec["containers"] = new JsonArray(new JsonObject { ["name"] = "main", ["image"] = "busybox" });
        }

        var podKey = $"{JsonFields.Namespace(pod)}/{JsonFields.Name(pod)}";
        var statuses = new JsonArray();
        foreach (var container in ((JsonArray)spec["containers"]!).OfType<JsonObject>())
        {
            var name = JsonFields.StringAt(container, "name") ?? "";
            statuses.Add(new JsonObject
            {
                ["name"] = name,
                ["image"] = JsonFields.StringAt(container, "image") ?? "",
                ["imageID"] = "",
                ["containerID"] = "containerd://" + ContainerId(podKey, name),
                ["ready"] = true,
                ["started"] = true,
                ["restartCount"] = 0,
                ["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = time } },
                ["lastState"] = new JsonObject(),
            });
        }

        pod["status"] = new JsonObject
        {
            ["phase"] = "Running",
            ["conditions"] = new JsonArray(
                Condition("PodReadyToStartContainers", time),
                Condition("Initialized", time),
                Condition("Ready", time),
                Condition("ContainersReady", time),
                Condition("PodScheduled", time)),
            ["startTime"] = time,
            ["containerStatuses"] = statuses,
        };
        return pod;
    }

    private static JsonObject Condition(string type, string time) =>
        new() { ["type"] = type, ["status"] = "True", ["lastProbeTime"] = null, ["lastTransitionTime"] = time };

    // Stable per Pod and container, so a test sees the same IDs every run.
    private static string ContainerId(string podKey, string container) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(podKey + "/" + container)));
}
