using k8s;
using k8s.Models;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// What a watch has yielded so far, one entry per object (namespace/name), so that after a 410 Gone the re-list
/// can be turned into the events the consumer missed, and so that an event for a version already yielded is not
/// yielded twice. Not thread-safe: one watch owns it.
/// </summary>
/// <typeparam name="TObject">The object type.</typeparam>
internal sealed class WatchedObjects<TObject>
    where TObject : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Dictionary<string, TObject> _objects = new(StringComparer.Ordinal);

    /// <summary>How many objects are known (yielded and not deleted).</summary>
    public int Count => _objects.Count;

    /// <summary>Records an event from the server and says what to yield.</summary>
    /// <param name="type">Added, Modified or Deleted.</param>
    /// <param name="value">The object.</param>
    /// <returns>The event to yield, or <see langword="null"/> for a version already yielded.</returns>
    public WatchEvent<TObject>? Apply(WatchEventType type, TObject value)
    {
        var key = Key(value);
        if (type == WatchEventType.Deleted)
        {
            _objects.Remove(key);
            return new WatchEvent<TObject>(type, value);
        }

        if (_objects.TryGetValue(key, out var known) && SameUid(known, value) && SameVersion(known, value))
        {
            return null;
        }

        _objects[key] = value;
        return new WatchEvent<TObject>(type, value);
    }

    /// <summary>
    /// Replaces what is known with a fresh list and returns the events that take a consumer from what was
    /// yielded to the list: Added for new objects (a replaced object, with another UID, first gets a Deleted for
    /// the old one), Modified for changed versions, nothing for unchanged ones, then Deleted for objects the list
    /// no longer has, in ordinal order of namespace/name.
    /// </summary>
    /// <param name="items">The listed objects.</param>
    /// <returns>The events, in order.</returns>
    public IReadOnlyList<WatchEvent<TObject>> Relist(IEnumerable<TObject> items)
    {
        var events = new List<WatchEvent<TObject>>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var key = Key(item);
            listed.Add(key);
            if (!_objects.TryGetValue(key, out var known))
            {
                events.Add(new WatchEvent<TObject>(WatchEventType.Added, item));
            }
            else if (!SameUid(known, item))
            {
                events.Add(new WatchEvent<TObject>(WatchEventType.Deleted, known));
                events.Add(new WatchEvent<TObject>(WatchEventType.Added, item));
            }
            else if (!SameVersion(known, item))
            {
                events.Add(new WatchEvent<TObject>(WatchEventType.Modified, item));
            }

            _objects[key] = item;
        }

        var gone = _objects.Keys.Where(key => !listed.Contains(key)).Order(StringComparer.Ordinal).ToList();
        foreach (var key in gone)
        {
            events.Add(new WatchEvent<TObject>(WatchEventType.Deleted, _objects[key]));
            _objects.Remove(key);
        }

        return events;
    }

    private static string Key(TObject value) => $"{value.Metadata?.NamespaceProperty}/{value.Metadata?.Name}";

    private static bool SameUid(TObject a, TObject b) =>
        string.IsNullOrEmpty(a.Metadata?.Uid) || string.IsNullOrEmpty(b.Metadata?.Uid)
        || string.Equals(a.Metadata.Uid, b.Metadata.Uid, StringComparison.Ordinal);

    private static bool SameVersion(TObject a, TObject b) =>
        !string.IsNullOrEmpty(a.Metadata?.ResourceVersion)
        && string.Equals(a.Metadata.ResourceVersion, b.Metadata?.ResourceVersion, StringComparison.Ordinal);
}
