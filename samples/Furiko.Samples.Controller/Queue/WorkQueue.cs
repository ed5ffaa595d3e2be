namespace Furiko.Samples.Controller.Queue;

/// <summary>
/// The work queue between a controller's watches and its workers, keyed by object (for the controller, a Job's
/// namespace and name). It guarantees what a reconciler needs:
/// <list type="bullet">
/// <item>de-duplication: a key added while it waits is queued once;</item>
/// <item>one at a time per key: a key taken by a worker is not handed out again until <see cref="Done"/>; if it was
/// added meanwhile, it is queued again then, so the change is not lost;</item>
/// <item>delayed adds (<see cref="AddAfter"/>): the key is added when the delay has passed; of several delays for one
/// key, the earliest wins;</item>
/// <item>retries with exponential backoff (<see cref="AddRateLimited"/>), counted per key until <see cref="Forget"/>;</item>
/// <item>shut-down (<see cref="ShutDown"/>): no key is handed out or accepted any more, and waiting takers return.</item>
/// </list>
/// Keys are handed out in the order they became ready. Time comes from the given <see cref="TimeProvider"/>
/// (a fake one in tests). Thread-safe.
/// </summary>
/// <typeparam name="TKey">The key type; compared with its default equality.</typeparam>
internal sealed class WorkQueue<TKey> : IDisposable
    where TKey : class
{
    /// <summary>
    /// The longest the timer is set for at once: a system timer refuses more than about 49 days, and a Job's kill time may
    /// be further away. A key due later is looked at again when the timer fires, and the timer set anew.
    /// </summary>
    internal static readonly TimeSpan MaxTimerWait = TimeSpan.FromDays(1);

    private readonly Lock _sync = new();
    private readonly TimeProvider _time;
    private readonly ExponentialBackoff _backoff;

    // Ready keys in order; every one is also in _queued. A key in _queued but not in _ready is being processed and
    // was added again meanwhile: Done queues it.
    private readonly Queue<TKey> _ready = new();
    private readonly HashSet<TKey> _queued = [];
    private readonly HashSet<TKey> _processing = [];
    private readonly Dictionary<TKey, int> _failures = [];

    // Delayed keys: the earliest due time per key, and a heap that may hold superseded entries (skipped when popped).
    private readonly Dictionary<TKey, DateTimeOffset> _due = [];
    private readonly PriorityQueue<TKey, DateTimeOffset> _delayed = new();
    private readonly LinkedList<TaskCompletionSource<TKey?>> _takers = new();
    private ITimer? _timer;
    private bool _shutDown;

    /// <summary>Creates an empty queue.</summary>
    /// <param name="time">The time source for delays.</param>
    /// <param name="backoff">The waits between retries of a failing key.</param>
    public WorkQueue(TimeProvider time, ExponentialBackoff backoff)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(backoff);
        _time = time;
        _backoff = backoff;
    }

    /// <summary>How many keys are ready to be taken (not counting delayed ones or those being processed).</summary>
    public int ReadyCount
    {
        get
        {
            lock (_sync)
            {
                return _ready.Count;
            }
        }
    }

    /// <summary>How many keys wait for a delay to pass.</summary>
    public int DelayedCount
    {
        get
        {
            lock (_sync)
            {
                return _due.Count;
            }
        }
    }

    /// <summary>How many keys are taken and not yet <see cref="Done"/>.</summary>
    public int ProcessingCount
    {
        get
        {
            lock (_sync)
            {
                return _processing.Count;
            }
        }
    }

    /// <summary>Whether <see cref="ShutDown"/> was called.</summary>
    public bool IsShutDown
    {
        get
        {
            lock (_sync)
            {
                return _shutDown;
            }
        }
    }

    /// <summary>Adds a key now. Nothing happens when it is already queued, or after <see cref="ShutDown"/>.</summary>
    /// <param name="key">The key.</param>
    public void Add(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_sync)
        {
            AddLocked(key);
        }
    }

    /// <summary>
    /// Adds a key once <paramref name="delay"/> has passed (at once when it is zero or negative). When the key already
    /// waits for an earlier time, that time stands; a later one replaces it.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="delay">How long to wait.</param>
    public void AddAfter(TKey key, TimeSpan delay)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_sync)
        {
            if (_shutDown)
            {
                return;
            }

            if (delay <= TimeSpan.Zero)
            {
                AddLocked(key);
                return;
            }

            var due = _time.GetUtcNow() + delay;
            if (_due.TryGetValue(key, out var existing) && existing <= due)
            {
                return;
            }

            _due[key] = due;
            _delayed.Enqueue(key, due);
            ScheduleLocked();
        }
    }

    /// <summary>
    /// Counts a failure of the key and adds it after the backoff for its failures in a row
    /// (<see cref="ExponentialBackoff.DelayAfter"/>).
    /// </summary>
    /// <param name="key">The key.</param>
    /// <returns>The delay chosen.</returns>
    public TimeSpan AddRateLimited(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        TimeSpan delay;
        lock (_sync)
        {
            var failures = _failures.GetValueOrDefault(key) + 1;
            _failures[key] = failures;
            delay = _backoff.DelayAfter(failures);
        }

        AddAfter(key, delay);
        return delay;
    }

    /// <summary>Forgets a key's failures, so its next retry starts from the base delay again. Call it after a success.</summary>
    /// <param name="key">The key.</param>
    public void Forget(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_sync)
        {
            _failures.Remove(key);
        }
    }

    /// <summary>How many times in a row the key failed (since the last <see cref="Forget"/>).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The count.</returns>
    public int FailuresOf(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_sync)
        {
            return _failures.GetValueOrDefault(key);
        }
    }

    /// <summary>
    /// Takes the next ready key, waiting for one. The caller owns the key until it calls <see cref="Done"/>; no other
    /// caller gets it meanwhile.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The key, or <see langword="null"/> once the queue is shut down.</returns>
    /// <exception cref="OperationCanceledException">The wait was cancelled.</exception>
    public async Task<TKey?> TakeAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TaskCompletionSource<TKey?> taker;
        LinkedListNode<TaskCompletionSource<TKey?>> node;
        lock (_sync)
        {
            if (_shutDown)
            {
                return null;
            }

            if (_ready.TryDequeue(out var key))
            {
                _queued.Remove(key);
                _processing.Add(key);
                return key;
            }

            taker = new TaskCompletionSource<TKey?>(TaskCreationOptions.RunContinuationsAsynchronously);
            node = _takers.AddLast(taker);
        }

        await using (cancellationToken.Register(() => Abandon(node, cancellationToken)).ConfigureAwait(false))
        {
            return await taker.Task.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Ends the processing of a key taken with <see cref="TakeAsync"/>. If it was added while being processed, it
    /// is queued again now.
    /// </summary>
    /// <param name="key">The key.</param>
    public void Done(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_sync)
        {
            if (_processing.Remove(key) && _queued.Contains(key) && !_shutDown)
            {
                HandOutLocked(key);
            }
        }
    }

    /// <summary>
    /// Stops the queue: from now on no key is accepted or handed out, delayed keys are dropped, and every waiting
    /// <see cref="TakeAsync"/> returns <see langword="null"/>. Keys being processed may still be marked
    /// <see cref="Done"/>. Calling it again does nothing.
    /// </summary>
    public void ShutDown()
    {
        List<TaskCompletionSource<TKey?>> takers;
        lock (_sync)
        {
            if (_shutDown)
            {
                return;
            }

            _shutDown = true;
            _ready.Clear();
            _queued.Clear();
            _due.Clear();
            _delayed.Clear();
            _timer?.Dispose();
            _timer = null;
            takers = [.. _takers];
            _takers.Clear();
        }

        foreach (var taker in takers)
        {
            taker.TrySetResult(null);
        }
    }

    /// <summary>Shuts the queue down (<see cref="ShutDown"/>).</summary>
    public void Dispose() => ShutDown();

    private void AddLocked(TKey key)
    {
        if (_shutDown || !_queued.Add(key))
        {
            return;
        }

        if (!_processing.Contains(key))
        {
            HandOutLocked(key);
        }
    }

    /// <summary>Gives a queued key to the first waiting taker, or puts it in line.</summary>
    private void HandOutLocked(TKey key)
    {
        if (_takers.First is { } first)
        {
            _takers.RemoveFirst();
            _queued.Remove(key);
            _processing.Add(key);
            first.Value.TrySetResult(key);
            return;
        }

        _ready.Enqueue(key);
    }

    private void Abandon(LinkedListNode<TaskCompletionSource<TKey?>> node, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            // A taker already handed a key was removed from the list then: it keeps the key.
            if (node.List is null)
            {
                return;
            }

            _takers.Remove(node);
        }

        node.Value.TrySetCanceled(cancellationToken);
    }

    private void OnTimer(object? state)
    {
        lock (_sync)
        {
            if (!_shutDown)
            {
                ScheduleLocked();
            }
        }
    }

    /// <summary>Adds every delayed key that is due, then sets the timer for the next one.</summary>
    private void ScheduleLocked()
    {
        var now = _time.GetUtcNow();
        while (_delayed.TryPeek(out var key, out var due))
        {
            if (!_due.TryGetValue(key, out var current) || current != due)
            {
                _delayed.Dequeue(); // superseded by an earlier time, or already added
                continue;
            }

            if (due > now)
            {
                // Only ever a positive due time: a fake time provider may run a zero-delay callback inside Change,
                // and due keys are handled right here instead.
                _timer ??= _time.CreateTimer(OnTimer, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                var wait = due - now;
                _timer.Change(wait < MaxTimerWait ? wait : MaxTimerWait, Timeout.InfiniteTimeSpan);
                return;
            }

            _delayed.Dequeue();
            _due.Remove(key);
            AddLocked(key);
        }

        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }
}
