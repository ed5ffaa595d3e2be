using System.Collections.Concurrent;
using Furiko.Sdk.Models;

namespace Furiko.Samples.Controller.Watching;

/// <summary>
/// The latest copy of every watched Job, by namespace and name, as the Job watch last reported it, plus an index by
/// UID so that a Pod labelled with its Job's UID finds the Job. Workers reconcile from these copies instead of reading
/// each Job again (a stale copy is harmless: the SDK's status write is conditional and retried on the current Job).
/// Thread-safe: the watch writes while workers read.
/// </summary>
internal sealed class JobCache
{
    private readonly ConcurrentDictionary<JobKey, Job> _jobs = new();
    private readonly ConcurrentDictionary<string, JobKey> _byUid = new(StringComparer.Ordinal);

    /// <summary>How many Jobs are cached.</summary>
    public int Count => _jobs.Count;

    /// <summary>The keys of the cached Jobs (a snapshot).</summary>
    public IReadOnlyCollection<JobKey> Keys => [.. _jobs.Keys];

    /// <summary>Stores the Job as it is now (added or modified).</summary>
    /// <param name="job">The Job from the watch.</param>
    /// <returns>Its key.</returns>
    public JobKey Put(Job job)
    {
        var key = JobKey.Of(job);
        if (_jobs.TryGetValue(key, out var previous) && previous.Metadata.Uid is { } oldUid && oldUid != job.Metadata.Uid)
        {
            // Replaced under the same name: the old UID must no longer lead Pods here.
            _byUid.TryRemove(KeyValuePair.Create(oldUid, key));
        }

        _jobs[key] = job;
        if (!string.IsNullOrEmpty(job.Metadata.Uid))
        {
            _byUid[job.Metadata.Uid] = key;
        }

        return key;
    }

    /// <summary>Forgets a Job the watch reported deleted.</summary>
    /// <param name="job">The Job as last seen.</param>
    /// <returns>Its key.</returns>
    public JobKey Remove(Job job)
    {
        var key = JobKey.Of(job);
        if (_jobs.TryGetValue(key, out var cached) && cached.Metadata.Uid == job.Metadata.Uid)
        {
            _jobs.TryRemove(KeyValuePair.Create(key, cached));
        }

        if (!string.IsNullOrEmpty(job.Metadata.Uid))
        {
            _byUid.TryRemove(KeyValuePair.Create(job.Metadata.Uid, key));
        }

        return key;
    }

    /// <summary>The cached Job of a key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="job">The Job, when cached.</param>
    /// <returns>Whether it is cached.</returns>
    public bool TryGet(JobKey key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out Job job) => _jobs.TryGetValue(key, out job);

    /// <summary>The key of the cached Job with a UID, or <see langword="null"/>.</summary>
    /// <param name="uid">The Job's UID.</param>
    /// <returns>The key.</returns>
    public JobKey? KeyOfUid(string uid) => _byUid.TryGetValue(uid, out var key) ? key : null;
}
