using System.Text.Json.Nodes;
using NodaTime;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>Direct access for tests: seeding objects, reading state, and node health, all without HTTP.</summary>
internal sealed partial class ApiServer
{
    /// <summary>Stores a new object as given (status included), with server metadata added; emits ADDED.</summary>
    /// <exception cref="ArgumentException">The object cannot be stored (no name, a taken name, an invalid name, ...).</exception>
    public JsonObject Seed(EmulatedResource resource, JsonObject obj)
    {
        lock (_sync)
        {
            var normalized = ObjectShape.Normalize(obj, resource);
            var ns = JsonFields.Namespace(normalized);
            if (resource.IsNamespaced && string.IsNullOrEmpty(ns))
            {
                throw new ArgumentException($"A {resource.Kind} needs metadata.namespace (got none for \"{JsonFields.Name(normalized)}\").", nameof(obj));
            }

            try
            {
                ObjectShape.AlignNamespace(normalized, resource, ns);
                return Admit(resource, normalized, _clock.GetCurrentInstant(), keepStatus: true).DeepClone().AsObject();
            }
            catch (ApiError error)
            {
                throw new ArgumentException($"Cannot add the {resource.Kind}: {error.Message}", nameof(obj), error);
            }
        }
    }

    public JsonObject? Read(EmulatedResource resource, string? @namespace, string name)
    {
        lock (_sync)
        {
            return _store.Find(resource, resource.IsNamespaced ? @namespace : null, name)?.DeepClone().AsObject();
        }
    }

    public List<JsonObject> ReadAll(EmulatedResource resource, string? @namespace)
    {
        lock (_sync)
        {
            return [.. _store.All(resource)
                .Where(o => @namespace is null || JsonFields.Namespace(o.Value) == @namespace)
                .Select(o => o.Value.DeepClone().AsObject())];
        }
    }

    public long CurrentResourceVersion
    {
        get
        {
            lock (_sync)
            {
                return _store.CurrentResourceVersion;
            }
        }
    }

    public bool HasNode(string name)
    {
        lock (_sync)
        {
            return _store.Find(EmulatedResource.Nodes, null, name) is not null;
        }
    }

    /// <summary>Marks a node's kubelet down (or back up) and shows it on the Node as a real node controller does.</summary>
    /// <exception cref="ArgumentException">No such Node.</exception>
    public void SetNodeHealth(string name, bool healthy)
    {
        lock (_sync)
        {
            var node = _store.Find(EmulatedResource.Nodes, null, name)
                ?? throw new ArgumentException($"No Node named \"{name}\"; add it with AddNode first.", nameof(name));
            if (healthy)
            {
                _downNodes.Remove(name);
            }
            else
            {
                _downNodes.Add(name);
            }

            // Whether a kubelet acts on the node's Pods changed, even when the Node object below does not.
            _kubelets.Invalidate();

            var updated = NodeHealth.Apply(node, healthy, _clock.GetCurrentInstant());
            if (!JsonNode.DeepEquals(updated, node))
            {
                _store.Replace(EmulatedResource.Nodes, updated, node);
            }
        }
    }

    public Instant Now => _clock.GetCurrentInstant();
}
