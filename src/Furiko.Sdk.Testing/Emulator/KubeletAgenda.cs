using System.Text.Json.Nodes;
using NodaTime;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>
/// The simulated kubelets' agenda: every stored Pod that a kubelet will act on, ordered by when, so that running due
/// work at the start of a request looks only at the Pods whose time has come instead of at every Pod (a cluster of
/// thousands of Pods would otherwise pay a scan of all of them on every request). A Pod's due time depends only on
/// the Pod itself, the node set and the emulator's options, so the agenda is told of every Pod written (its entry is
/// added) and of every change to the nodes (it is rebuilt from the store on next use). An entry whose Pod has been
/// replaced or removed since is skipped when its time comes; the Pod's current version has its own entry.
/// Not thread-safe: the caller holds the server's lock.
/// </summary>
internal sealed class KubeletAgenda
{
    private readonly PriorityQueue<(string Key, JsonObject Pod), Instant> _entries = new();
    private readonly Func<JsonObject, Instant?> _dueAt;
    private bool _stale = true;

    /// <summary>Creates an empty agenda, to be built on first use.</summary>
    /// <param name="dueAt">When a kubelet will act on a Pod as stored, or null if none will.</param>
    public KubeletAgenda(Func<JsonObject, Instant?> dueAt) => _dueAt = dueAt;

    /// <summary>Notes a Pod as just stored under <paramref name="key"/>.</summary>
    public void PodStored(string key, JsonObject pod)
    {
        if (!_stale && _dueAt(pod) is { } due)
        {
            _entries.Enqueue((key, pod), due);
        }
    }

    /// <summary>Notes that due times may have changed for any Pod (a node came, went, or changed health): rebuild on next use.</summary>
    public void Invalidate()
    {
        _stale = true;
        _entries.Clear();
    }

    /// <summary>
    /// Takes every stored Pod whose entry is due by <paramref name="now"/>, in key order (the order of a scan of the
    /// store), each once. The caller decides again, on the Pod, what is due; a Pod it leaves alone is put back with
    /// <see cref="PodStored"/> when it still has work to come.
    /// </summary>
    /// <param name="now">The current time.</param>
    /// <param name="pods">The stored Pods by key (read when the agenda is rebuilt, and to tell current entries from stale ones).</param>
    /// <returns>The due Pods, as stored now.</returns>
    public List<KeyValuePair<string, JsonObject>> TakeDue(Instant now, IReadOnlyDictionary<string, JsonObject> pods)
    {
        if (_stale || _entries.Count > (2 * pods.Count) + 64)
        {
            // Rebuilt after a node change, and when superseded entries (of Pods written again while waiting)
            // outnumber the Pods, so the queue never grows past a small multiple of the store.
            Rebuild(pods);
        }

        var due = new List<KeyValuePair<string, JsonObject>>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        while (_entries.TryPeek(out var entry, out var at) && at <= now)
        {
            _entries.Dequeue();
            if (pods.TryGetValue(entry.Key, out var current) && ReferenceEquals(current, entry.Pod) && taken.Add(entry.Key))
            {
                due.Add(new(entry.Key, current));
            }
        }

        due.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return due;
    }

    private void Rebuild(IReadOnlyDictionary<string, JsonObject> pods)
    {
        _entries.Clear();
        _stale = false;
        foreach (var (key, pod) in pods)
        {
            PodStored(key, pod);
        }
    }
}
