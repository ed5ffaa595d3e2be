using System.Globalization;
using System.Text.Json.Nodes;
using k8s;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>The read verbs: get, list (selectors, pages) and watch.</summary>
internal sealed partial class ApiServer
{
    private ApiResponse Get(ApiRoute route)
    {
        var obj = _store.Find(route.Resource, route.Namespace, route.Name!) ?? throw ApiError.NotFound(route.Resource, route.Name!);
        return ApiResponse.Json(200, obj);
    }

    private ApiResponse List(ApiRoute route, ApiRequest request)
    {
        var resource = route.Resource;
        var labels = LabelSelector.Parse(request.Parameter("labelSelector"));
        var fields = FieldSelector.Parse(request.Parameter("fieldSelector"), resource);
        var limit = ParseCount(request, "limit");
        _ = ParseResourceVersion(request);
        var token = request.Parameter("continue");

        long listVersion;
        IEnumerable<KeyValuePair<string, JsonObject>> source;
        if (!string.IsNullOrEmpty(token))
        {
            if (!string.IsNullOrEmpty(request.Parameter("resourceVersion")))
            {
                throw ApiError.BadRequest("specifying resource version is not allowed when using continue");
            }

            (listVersion, source) = _snapshots.Resume(resource, token);
        }
        else
        {
            listVersion = _store.CurrentResourceVersion;
            source = _store.All(resource);
        }

        var items = new JsonArray();
        string? lastKey = null;
        var remaining = 0;
        foreach (var (key, obj) in source)
        {
            if ((route.Namespace is not null && JsonFields.Namespace(obj) != route.Namespace) || !labels.Matches(JsonFields.Labels(obj)) || !fields.Matches(obj))
            {
                continue;
            }

            if (limit > 0 && items.Count == limit)
            {
                remaining++;
                continue;
            }

            items.Add(AsListItem(resource, obj));
            lastKey = key;
        }

        var metadata = new JsonObject { ["resourceVersion"] = listVersion.ToString(CultureInfo.InvariantCulture) };
        if (remaining > 0)
        {
            if (string.IsNullOrEmpty(token))
            {
                _snapshots.Keep(resource, listVersion, _store.All(resource));
            }

            metadata["continue"] = ListSnapshots.Encode(listVersion, lastKey!);

            // The server only knows the count when no selector has to be evaluated on the rest.
            if (labels.IsEmpty && fields.IsEmpty)
            {
                metadata["remainingItemCount"] = remaining;
            }
        }

        return ApiResponse.Json(200, new JsonObject
        {
            ["apiVersion"] = resource.ApiVersion,
            ["kind"] = resource.ListKind,
            ["metadata"] = metadata,
            ["items"] = items,
        });
    }

    private ApiResponse Watch(ApiRoute route, ApiRequest request)
    {
        var labels = LabelSelector.Parse(request.Parameter("labelSelector"));
        var fields = FieldSelector.Parse(request.Parameter("fieldSelector"), route.Resource);
        if (route.Name is not null)
        {
            fields = fields.WithName(route.Name);
        }

        var from = ParseResourceVersion(request);
        var timeout = ParseCount(request, "timeoutSeconds");
        var watch = new WatchSubscription(route.Resource, route.Namespace, labels, fields, Unsubscribe);
        if (!_store.Subscribe(watch, from is 0 ? null : from))
        {
            var expired = ApiError.Expired($"too old resource version: {from} ({_store.OldestResumableResourceVersion})");
            watch.Send(WatchLine.Format(WatchEventType.Error, expired.ToStatus().ToJsonString()));
            watch.Close();
        }
        else if (timeout > 0)
        {
            watch.EndAfter(TimeSpan.FromSeconds(timeout), _options.TimeProvider);
        }

        return ApiResponse.Stream(watch);
    }

    private void Unsubscribe(WatchSubscription watch)
    {
        lock (_sync)
        {
            _store.Unsubscribe(watch);
        }
    }

    /// <summary>Built-in lists carry their items without apiVersion and kind; custom resource lists keep them.</summary>
    private static JsonObject AsListItem(EmulatedResource resource, JsonObject obj)
    {
        var item = (JsonObject)obj.DeepClone();
        if (!resource.IsCustomResource)
        {
            item.Remove("apiVersion");
            item.Remove("kind");
        }

        return item;
    }

    /// <summary>The <c>resourceVersion</c> parameter: null when unset or empty.</summary>
    private static long? ParseResourceVersion(ApiRequest request)
    {
        var text = request.Parameter("resourceVersion");
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var rv)
            ? rv
            : throw ApiError.BadRequest($"invalid resource version \"{text}\": it must be a non-negative integer");
    }

    private static long ParseCount(ApiRequest request, string parameter)
    {
        var text = request.Parameter(parameter);
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? Math.Max(n, 0)
            : throw ApiError.BadRequest($"{parameter}: Invalid value: \"{text}\": must be an integer");
    }
}
