using System.Text.Json.Nodes;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>The Pod-specific validation of the API server that a controller can trip over.</summary>
internal static class PodRules
{
    /// <exception cref="ApiError">422 when <c>spec.containers</c> is missing or empty.</exception>
    public static void ValidateCreate(JsonObject pod)
    {
        if (pod["spec"]?["containers"] is not JsonArray { Count: > 0 })
        {
            throw ApiError.Invalid(EmulatedResource.Pods, JsonFields.Name(pod), "spec.containers", "Required value");
        }
    }

    /// <summary>A new Pod's status: Pending, whatever the request carried (the kubelet reports the rest).</summary>
    public static JsonObject InitialStatus() => new() { ["phase"] = "Pending" };

    /// <summary>
    /// A Pod's spec is immutable apart from container images, <c>activeDeadlineSeconds</c>, tolerations and
    /// scheduling gates; the node is set by binding, never by update.
    /// </summary>
    /// <exception cref="ApiError">422 Forbidden when any other spec field changes.</exception>
    public static void ValidateUpdate(JsonObject existing, JsonObject updated)
    {
        if (!JsonNode.DeepEquals(MutableFieldsRemoved(existing["spec"]), MutableFieldsRemoved(updated["spec"])))
        {
            throw ApiError.Invalid(EmulatedResource.Pods, JsonFields.Name(updated), "spec",
                "Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)");
        }
    }

    private static JsonNode? MutableFieldsRemoved(JsonNode? spec)
    {
        if (spec is not JsonObject specObject)
        {
            return spec?.DeepClone();
        }

        var copy = (JsonObject)specObject.DeepClone();
        foreach (var field in new[] { "activeDeadlineSeconds", "tolerations", "schedulingGates", "terminationGracePeriodSeconds" })
        {
            copy.Remove(field);
        }

        foreach (var list in new[] { "containers", "initContainers" })
        {
            if (copy[list] is JsonArray containers)
            {
                foreach (var container in containers)
                {
                    (container as JsonObject)?.Remove("image");
                }
            }
        }

        return copy;
    }
}
