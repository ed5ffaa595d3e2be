using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>The write verbs: create, update (PUT) and patch, with the status subresource and finalizer rules.</summary>
internal sealed partial class ApiServer
{
    private static readonly string[] ServerOwnedMetadata =
        ["name", "namespace", "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation"];

    private ApiResponse Create(ApiRoute route, ApiRequest request, Instant now)
    {
        var resource = route.Resource;
        if (route.Subresource is not null || (resource.IsNamespaced && route.Namespace is null))
        {
            throw ApiError.MethodNotAllowed();
        }

        var obj = ObjectShape.Parse(request.Body, resource);
        ObjectShape.AlignNamespace(obj, resource, route.Namespace);
        var stored = Admit(resource, obj, now, keepStatus: false);
        return ApiResponse.Json(201, stored);
    }

    /// <summary>
    /// Names, validates, stamps and stores a new object. Seeded objects keep their status; objects created through
    /// the API do not when the resource has a status subresource (a Pod starts Pending).
    /// </summary>
    private JsonObject Admit(EmulatedResource resource, JsonObject obj, Instant now, bool keepStatus)
    {
        var metadata = JsonFields.Metadata(obj);
        var ns = JsonFields.Namespace(obj);
        var name = JsonFields.Name(obj);
        if (name.Length == 0)
        {
            var prefix = JsonFields.MetadataString(obj, "generateName");
            if (string.IsNullOrEmpty(prefix))
            {
                throw ApiError.Invalid(resource, "", "metadata.name", "Required value: name or generateName is required");
            }

            // Like the API server since 1.32, retry a generated name that is taken instead of answering 409.
            name = _names.Generate(prefix);
            for (var attempt = 0; attempt < 8 && _store.Find(resource, ns, name) is not null; attempt++)
            {
                name = _names.Generate(prefix);
            }

            metadata["name"] = name;
        }

        ObjectShape.ValidateName(resource, name);
        if (resource.IsPod)
        {
            PodRules.ValidateCreate(obj);
        }

        if (_store.Find(resource, ns, name) is not null)
        {
            throw ApiError.AlreadyExists(resource, name);
        }

        foreach (var field in new[] { "resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink", "managedFields" })
        {
            metadata.Remove(field);
        }

        metadata["uid"] = _names.NewUid();
        metadata["creationTimestamp"] = JsonFields.FormatTime(now);
        metadata["generation"] = 1;
        if (!keepStatus && resource.HasStatusSubresource && !resource.IsNode)
        {
            obj.Remove("status");
            if (resource.IsPod)
            {
                obj["status"] = PodRules.InitialStatus();
            }
        }

        return _store.Insert(resource, obj);
    }

    private ApiResponse Update(ApiRoute route, ApiRequest request)
    {
        var resource = route.Resource;
        var obj = ObjectShape.Parse(request.Body, resource);
        var bodyName = JsonFields.Name(obj);
        if (bodyName != route.Name)
        {
            throw ApiError.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({route.Name})");
        }

        ObjectShape.AlignNamespace(obj, resource, route.Namespace);
        var existing = _store.Find(resource, route.Namespace, route.Name) ?? throw ApiError.NotFound(resource, route.Name);
        var version = JsonFields.MetadataString(obj, "resourceVersion");
        if (string.IsNullOrEmpty(version))
        {
            if (!resource.AllowsUnconditionalUpdate)
            {
                throw ApiError.Invalid(resource, route.Name, "metadata.resourceVersion", "Invalid value: 0x0: must be specified for an update", byPlural: true);
            }
        }
        else if (version != JsonFields.MetadataString(existing, "resourceVersion"))
        {
            throw ApiError.StaleResourceVersion(resource, route.Name);
        }

        var bodyUid = JsonFields.MetadataString(obj, "uid");
        var uid = JsonFields.MetadataString(existing, "uid");
        if (!string.IsNullOrEmpty(bodyUid) && bodyUid != uid)
        {
            throw ApiError.Conflict(resource.QualifiedPlural, resource.Group, resource.Plural, route.Name,
                $"Precondition failed: UID in precondition: {bodyUid}, UID in object meta: {uid}");
        }

        return Write(route, obj, existing);
    }

    private ApiResponse Patch(ApiRoute route, ApiRequest request)
    {
        var resource = route.Resource;
        var existing = _store.Find(resource, route.Namespace, route.Name!) ?? throw ApiError.NotFound(resource, route.Name!);
        var mediaType = (request.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType.StartsWith("application/apply-patch", StringComparison.Ordinal))
        {
            throw ApiError.UnsupportedMediaType(mediaType + " (server-side apply is not emulated)");
        }

        if (mediaType is not ("application/merge-patch+json" or "application/strategic-merge-patch+json" or "application/json-patch+json"))
        {
            throw ApiError.UnsupportedMediaType(mediaType);
        }

        JsonNode? patch;
        try
        {
            patch = JsonNode.Parse(request.Body);
        }
        catch (JsonException ex)
        {
            throw ApiError.BadRequest($"error decoding patch: {ex.Message}");
        }

        // The strategic merge patch is applied as a JSON merge patch: the same for maps and scalars (labels,
        // annotations, spec fields); lists are replaced whole rather than merged by key.
        var patched = mediaType == "application/json-patch+json"
            ? JsonPatch.Apply(existing, patch)
            : patch is JsonObject
                ? (JsonObject)MergePatch.Apply(existing.DeepClone(), patch)!
                : throw ApiError.BadRequest("json: cannot unmarshal a non-object merge patch into an object");

        var currentVersion = JsonFields.MetadataString(existing, "resourceVersion");
        var patchedVersion = JsonFields.MetadataString(patched, "resourceVersion");
        if (!string.IsNullOrEmpty(patchedVersion) && patchedVersion != currentVersion)
        {
            throw ApiError.StaleResourceVersion(resource, route.Name!);
        }

        return Write(route, ObjectShape.Normalize(patched, resource), existing);
    }

    /// <summary>
    /// Commits an update of <paramref name="existing"/> to <paramref name="candidate"/> with the server's rules:
    /// server-owned metadata kept, status only through <c>/status</c> (and nothing else through it), no new
    /// finalizers on a deleting object, generation bumped on spec changes, no-op writes not stored, and removal
    /// when the last finalizer of a deleting object goes.
    /// </summary>
    private ApiResponse Write(ApiRoute route, JsonObject candidate, JsonObject existing)
    {
        var resource = route.Resource;
        JsonObject updated;
        if (route.Subresource == "status")
        {
            updated = (JsonObject)existing.DeepClone();
            CopyField(candidate, updated, "status");
        }
        else
        {
            updated = (JsonObject)candidate.DeepClone();
            var metadata = JsonFields.Metadata(updated);
            var oldMetadata = JsonFields.Metadata(existing);
            foreach (var field in ServerOwnedMetadata)
            {
                CopyField(oldMetadata, metadata, field);
            }

            metadata.Remove("selfLink");
            metadata.Remove("managedFields");
            if (resource.HasStatusSubresource)
            {
                CopyField(existing, updated, "status");
            }

            if (resource.IsPod)
            {
                PodRules.ValidateUpdate(existing, updated);
            }

            if (oldMetadata["deletionTimestamp"] is not null)
            {
                var added = JsonFields.Finalizers(updated).Except(JsonFields.Finalizers(existing)).ToList();
                if (added.Count > 0)
                {
                    throw ApiError.Invalid(resource, route.Name!, "metadata.finalizers",
                        $"Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{{\"{string.Join("\", \"", added)}\"}}");
                }
            }

            if (!JsonNode.DeepEquals(JsonFields.WithoutMetadataAndStatus(existing), JsonFields.WithoutMetadataAndStatus(updated)))
            {
                metadata["generation"] = (JsonFields.LongAt(existing, "metadata", "generation") ?? 0) + 1;
            }
        }

        JsonFields.Metadata(updated)["resourceVersion"] = JsonFields.MetadataString(existing, "resourceVersion");
        if (JsonNode.DeepEquals(updated, existing))
        {
            // A write that changes nothing is not stored: no new resourceVersion, no watch event.
            return ApiResponse.Json(200, existing);
        }

        if (IsFinalized(existing, updated))
        {
            _store.Remove(resource, existing);
            return ApiResponse.Json(200, updated);
        }

        return ApiResponse.Json(200, _store.Replace(resource, updated, existing));
    }

    /// <summary>
    /// The API server removes an object during an update when the update empties the finalizers of an object whose
    /// deletion was requested with no grace period left (always so for everything but Pods). Furiko's Job
    /// controller relies on this: it removes the Job finalizer with an Update, and the Job is gone at once
    /// (FURIKO-SEMANTICS 5.4).
    /// </summary>
    private static bool IsFinalized(JsonObject existing, JsonObject updated) =>
        existing["metadata"]?["deletionTimestamp"] is not null
        && JsonFields.Finalizers(updated).Count == 0
        && (JsonFields.LongAt(existing, "metadata", "deletionGracePeriodSeconds") ?? 0) == 0;

    private static void CopyField(JsonObject from, JsonObject to, string field)
    {
        if (from[field] is { } value)
        {
            to[field] = value.DeepClone();
        }
        else
        {
            to.Remove(field);
        }
    }
}
