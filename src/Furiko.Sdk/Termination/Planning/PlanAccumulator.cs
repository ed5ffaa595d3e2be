using System.Collections.Immutable;
using System.Diagnostics;
using NodaTime;

namespace Furiko.Sdk.Termination.Planning;

/// <summary>
/// Collects the decisions and the earliest wake-up of one planning pass. A mutable struct kept on the stack
/// and passed by reference, so a pass that decides nothing allocates nothing.
/// </summary>
internal struct PlanAccumulator
{
    // Up to this many decisions a task is found by scanning them; past it, through an index by name, so a pass
    // that decides for every task of a large Job (a kill) stays linear in the number of tasks.
    private const int ScanLimit = 8;

    private readonly Instant _now;
    private ImmutableArray<TaskTerminationDecision>.Builder? _decisions;
    private Dictionary<string, int>? _indexByName;
    private Instant? _wakeAt;
    private TerminationRule _wakeRule;

    public PlanAccumulator(Instant now)
    {
        _now = now;
    }

    /// <summary>The position of the first decision already taken for a task of that name in this pass, or -1.</summary>
    public readonly int IndexOf(string taskName)
    {
        if (_decisions is null)
        {
            return -1;
        }

        if (_indexByName is not null)
        {
            return _indexByName.TryGetValue(taskName, out var index) ? index : -1;
        }

        for (var i = 0; i < _decisions.Count; i++)
        {
            if (string.Equals(_decisions[i].Task.Name, taskName, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Makes room for <paramref name="additional"/> more decisions at once, sparing the growth copies.</summary>
    public void Reserve(int additional)
    {
        if (additional <= 0)
        {
            return;
        }

        var needed = (_decisions?.Count ?? 0) + additional;
        _decisions ??= ImmutableArray.CreateBuilder<TaskTerminationDecision>(needed);
        if (_decisions.Capacity < needed)
        {
            _decisions.Capacity = needed;
        }
    }

    public void Add(TaskTerminationDecision decision)
    {
        _decisions ??= ImmutableArray.CreateBuilder<TaskTerminationDecision>();
        _decisions.Add(decision);
        if (_indexByName is not null)
        {
            // The first decision for a name is the one IndexOf reports, as a scan from the start would.
            _indexByName.TryAdd(decision.Task.Name, _decisions.Count - 1);
        }
        else if (_decisions.Count > ScanLimit)
        {
            _indexByName = new Dictionary<string, int>(_decisions.Capacity, StringComparer.Ordinal);
            for (var i = 0; i < _decisions.Count; i++)
            {
                _indexByName.TryAdd(_decisions[i].Task.Name, i);
            }
        }
    }

    /// <summary>Replaces a decision with another for the same task (same name), so the index by name stays valid.</summary>
    public readonly void Replace(int index, TaskTerminationDecision decision)
    {
        Debug.Assert(string.Equals(_decisions![index].Task.Name, decision.Task.Name, StringComparison.Ordinal), "A decision is replaced only by one for the same task.");
        _decisions![index] = decision;
    }

    /// <summary>Keeps the earliest deadline seen; the first rule wins a tie.</summary>
    public void WakeAt(Instant at, TerminationRule rule)
    {
        if (_wakeAt is null || at < _wakeAt.Value)
        {
            _wakeAt = at;
            _wakeRule = rule;
        }
    }

    public readonly TerminationPlan Build(TerminationCause? killCause, bool canCreateTasks, bool canRemoveFinalizer)
    {
        TerminationWakeUp? wakeUp = null;
        if (_wakeAt is { } at)
        {
            var wait = at - _now;
            wakeUp = new TerminationWakeUp(at, wait < TerminationWakeUp.MinimumWait ? TerminationWakeUp.MinimumWait : wait, _wakeRule);
        }

        var decisions = _decisions is null ? ImmutableArray<TaskTerminationDecision>.Empty : _decisions.DrainToImmutable();
        return new TerminationPlan(_now, decisions, killCause, canCreateTasks, canRemoveFinalizer, wakeUp);
    }
}
