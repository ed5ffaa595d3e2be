using System.Globalization;
using System.Text.Json.Nodes;
using k8s;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>
/// The emulator's "etcd": every stored object by resource and key (<c>namespace/name</c>, or just the name for
/// cluster-scoped objects, sorted as etcd sorts keys), the global resourceVersion counter, the bounded history of
/// changes, and the open watches. Stored objects are never changed in place: a write replaces the object, so
/// snapshots and history can share them. Not thread-safe: the caller holds the server's lock.
/// </summary>
internal sealed class ObjectStore
{
    private readonly Dictionary<EmulatedResource, SortedDictionary<string, JsonObject>> _objects = [];
    private readonly Queue<WatchEventRecord> _history = new();
    private readonly List<WatchSubscription> _watches = [];
    private readonly int _historyLimit;
    private readonly Action<WatchEventRecord> _committed;

    /// <summary>Creates an empty store.</summary>
    /// <param name="resources">The resources it holds.</param>
    /// <param name="historyLimit">How many changes the watch history keeps.</param>
    /// <param name="committed">Told of every change once it is stored (before watches see it), for indexes kept beside the store.</param>
    public ObjectStore(IEnumerable<EmulatedResource> resources, int historyLimit, Action<WatchEventRecord> committed)
    {
        foreach (var resource in resources)
        {
            _objects[resource] = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        }

        _historyLimit = historyLimit;
        _committed = committed;
    }

    /// <summary>The resourceVersion of the latest change (1 before any write).</summary>
    public long CurrentResourceVersion { get; private set; } = 1;

    /// <summary>
    /// The resourceVersion from which every later change is still in the history: a watch may resume from this
    /// value or any later one.
    /// </summary>
    public long OldestResumableResourceVersion { get; private set; } = 1;

    public static string Key(string? @namespace, string name) => @namespace is null ? name : @namespace + "/" + name;

    public JsonObject? Find(EmulatedResource resource, string? @namespace, string name) =>
        _objects[resource].TryGetValue(Key(@namespace, name), out var obj) ? obj : null;

    /// <summary>The objects of a resource by key, enumerated in key order (the live collection: copy it before writing).</summary>
    public IReadOnlyDictionary<string, JsonObject> All(EmulatedResource resource) => _objects[resource];

    public JsonObject Insert(EmulatedResource resource, JsonObject obj)
    {
        var rv = Stamp(obj);
        _objects[resource][Key(JsonFields.Namespace(obj), JsonFields.Name(obj))] = obj;
        Publish(new WatchEventRecord(rv, resource, WatchEventType.Added, obj, null));
        return obj;
    }

    public JsonObject Replace(EmulatedResource resource, JsonObject updated, JsonObject previous)
    {
        var rv = Stamp(updated);
        _objects[resource][Key(JsonFields.Namespace(updated), JsonFields.Name(updated))] = updated;
        Publish(new WatchEventRecord(rv, resource, WatchEventType.Modified, updated, previous));
        return updated;
    }

    /// <summary>Removes the object; returns its last state carrying the deletion's resourceVersion, as etcd reports a delete.</summary>
    public JsonObject Remove(EmulatedResource resource, JsonObject existing)
    {
        var last = (JsonObject)existing.DeepClone();
        var rv = Stamp(last);
        _objects[resource].Remove(Key(JsonFields.Namespace(existing), JsonFields.Name(existing)));
        Publish(new WatchEventRecord(rv, resource, WatchEventType.Deleted, last, null));
        return last;
    }

    /// <summary>
    /// Registers a watch and queues what it must see first: every current object as ADDED when
    /// <paramref name="fromResourceVersion"/> is null (0 or unset), or every kept change after it. Returns false,
    /// registering nothing, when changes after that version are no longer kept.
    /// </summary>
    public bool Subscribe(WatchSubscription watch, long? fromResourceVersion)
    {
        if (fromResourceVersion is null)
        {
            foreach (var (_, obj) in _objects[watch.Resource])
            {
                if (watch.Matches(obj))
                {
                    watch.Send(WatchLine.Format(WatchEventType.Added, obj.ToJsonString()));
                }
            }
        }
        else
        {
            if (fromResourceVersion < OldestResumableResourceVersion)
            {
                return false;
            }

            foreach (var change in _history)
            {
                if (change.ResourceVersion > fromResourceVersion)
                {
                    watch.Offer(change);
                }
            }
        }

        _watches.Add(watch);
        return true;
    }

    public void Unsubscribe(WatchSubscription watch) => _watches.Remove(watch);

    public int OpenWatchCount => _watches.Count;

    /// <summary>Ends every open watch, as a server does when a watch times out or the server restarts.</summary>
    public int CloseWatches()
    {
        var open = _watches.ToArray();
        _watches.Clear();
        foreach (var watch in open)
        {
            watch.Close();
        }

        return open.Length;
    }

    private long Stamp(JsonObject obj)
    {
        var rv = ++CurrentResourceVersion;
        JsonFields.Metadata(obj)["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture);
        return rv;
    }

    private void Publish(WatchEventRecord change)
    {
        _committed(change);
        _history.Enqueue(change);
        while (_history.Count > _historyLimit)
        {
            OldestResumableResourceVersion = _history.Dequeue().ResourceVersion;
        }

        foreach (var watch in _watches)
        {
            watch.Offer(change);
        }
    }
}
