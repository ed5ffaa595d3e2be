using System.Text.Json.Nodes;
using NodaTime;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>
/// DELETE with the API server's rules: preconditions, finalizers holding removal, and graceful deletion of Pods
/// (the deletion table of DESIGN.md). There is no garbage collector: <c>propagationPolicy</c> is accepted and has
/// no further effect.
/// </summary>
internal sealed partial class ApiServer
{
    /// <summary>The grace period of a Pod that sets none, as the API server defaults <c>terminationGracePeriodSeconds</c>.</summary>
    private const long DefaultPodGracePeriodSeconds = 30;

    private ApiResponse Delete(ApiRoute route, ApiRequest request, Instant now)
    {
        var resource = route.Resource;
        var name = route.Name!;
        var existing = _store.Find(resource, route.Namespace, name) ?? throw ApiError.NotFound(resource, name);
        var options = DeleteRequestOptions.Read(request);
        CheckPreconditions(resource, existing, options);
        return resource.IsPod ? DeletePod(existing, options, now) : DeleteObject(resource, existing, now);
    }

    /// <summary>The early precondition check of the API server, which names the kind (not the plural) in its message.</summary>
    private static void CheckPreconditions(EmulatedResource resource, JsonObject existing, DeleteRequestOptions options)
    {
        var name = JsonFields.Name(existing);
        var uid = JsonFields.MetadataString(existing, "uid");
        if (options.PreconditionUid is { } expectedUid && expectedUid != uid)
        {
            throw ApiError.Conflict(resource.QualifiedKind, resource.Group, resource.Kind, name,
                $"the UID in the precondition ({expectedUid}) does not match the UID in record ({uid}). The object might have been deleted and then recreated");
        }

        var version = JsonFields.MetadataString(existing, "resourceVersion");
        if (options.PreconditionResourceVersion is { } expectedVersion && expectedVersion != version)
        {
            throw ApiError.Conflict(resource.QualifiedKind, resource.Group, resource.Kind, name,
                $"the ResourceVersion in the precondition ({expectedVersion}) does not match the ResourceVersion in record ({version}). The object might have been modified");
        }
    }

    /// <summary>Deletion without a grace period: removed at once, or marked deleting while finalizers remain.</summary>
    private ApiResponse DeleteObject(EmulatedResource resource, JsonObject existing, Instant now)
    {
        if (JsonFields.Finalizers(existing).Count == 0)
        {
            var last = _store.Remove(resource, existing);
            return DeletedResponse(resource, last);
        }

        if (existing["metadata"]?["deletionTimestamp"] is not null)
        {
            return ApiResponse.Json(200, existing);
        }

        return ApiResponse.Json(200, _store.Replace(resource, MarkDeleting(existing, now), existing));
    }

    private ApiResponse DeletePod(JsonObject existing, DeleteRequestOptions options, Instant now)
    {
        var resource = EmulatedResource.Pods;
        var metadata = existing["metadata"]!;
        var hasFinalizers = JsonFields.Finalizers(existing).Count > 0;
        if (metadata["deletionTimestamp"] is not null)
        {
            var currentGrace = JsonFields.LongAt(existing, "metadata", "deletionGracePeriodSeconds") ?? 0;
            if (currentGrace == 0)
            {
                // Already at its deadline: finish the deletion unless finalizers hold it.
                return hasFinalizers ? ApiResponse.Json(200, existing) : DeletedResponse(resource, _store.Remove(resource, existing));
            }

            if (options.GracePeriodSeconds is not { } shorter || shorter >= currentGrace)
            {
                // A graceful deletion is already pending with a deadline no later than this one: nothing changes.
                return ApiResponse.Json(200, existing);
            }

            // A shorter grace period moves the deadline forward, counted from the first request (not from now).
            var requested = JsonFields.ParseTime(JsonFields.MetadataString(existing, "deletionTimestamp"))!.Value - Duration.FromSeconds(currentGrace);
            return CommitPodDeletion(existing, requested + Duration.FromSeconds(shorter), shorter, hasFinalizers);
        }

        var grace = options.GracePeriodSeconds ?? JsonFields.LongAt(existing, "spec", "terminationGracePeriodSeconds") ?? DefaultPodGracePeriodSeconds;
        var phase = JsonFields.StringAt(existing, "status", "phase");
        if (string.IsNullOrEmpty(JsonFields.StringAt(existing, "spec", "nodeName")) || phase is "Succeeded" or "Failed")
        {
            // No kubelet has to stop anything: an unscheduled or finished Pod goes at once.
            grace = 0;
        }

        return CommitPodDeletion(existing, now + Duration.FromSeconds(grace), grace, hasFinalizers);
    }

    private ApiResponse CommitPodDeletion(JsonObject existing, Instant deadline, long grace, bool hasFinalizers)
    {
        var resource = EmulatedResource.Pods;
        if (grace == 0 && !hasFinalizers)
        {
            return DeletedResponse(resource, _store.Remove(resource, existing));
        }

        var updated = (JsonObject)existing.DeepClone();
        var metadata = JsonFields.Metadata(updated);
        if (existing["metadata"]?["deletionTimestamp"] is null)
        {
            // The first graceful deletion changes how controllers treat the object, so the generation moves.
            metadata["generation"] = (JsonFields.LongAt(existing, "metadata", "generation") ?? 0) + 1;
        }

        metadata["deletionTimestamp"] = JsonFields.FormatTime(deadline);
        metadata["deletionGracePeriodSeconds"] = grace;
        return ApiResponse.Json(200, _store.Replace(resource, updated, existing));
    }

    /// <summary>Sets the deletion timestamp (now, or kept if earlier) with a zero grace period, as for finalizers.</summary>
    private static JsonObject MarkDeleting(JsonObject existing, Instant now)
    {
        var updated = (JsonObject)existing.DeepClone();
        var metadata = JsonFields.Metadata(updated);
        var current = JsonFields.ParseTime(JsonFields.MetadataString(existing, "deletionTimestamp"));
        if (current is null)
        {
            metadata["generation"] = (JsonFields.LongAt(existing, "metadata", "generation") ?? 0) + 1;
        }

        if (current is null || current > now)
        {
            metadata["deletionTimestamp"] = JsonFields.FormatTime(now);
        }

        metadata["deletionGracePeriodSeconds"] = 0;
        return updated;
    }

    /// <summary>Pods answer a completed deletion with the object; other resources with a success Status.</summary>
    private static ApiResponse DeletedResponse(EmulatedResource resource, JsonObject last)
    {
        if (resource.ReturnsDeletedObject)
        {
            return ApiResponse.Json(200, last);
        }

        var details = new JsonObject { ["name"] = JsonFields.Name(last) };
        if (resource.Group.Length > 0)
        {
            details["group"] = resource.Group;
        }

        details["kind"] = resource.Plural;
        details["uid"] = JsonFields.MetadataString(last, "uid");
        return ApiResponse.Json(200, new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = details,
        });
    }
}
