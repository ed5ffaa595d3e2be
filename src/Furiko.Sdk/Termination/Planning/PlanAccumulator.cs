using System.Collections.Immutable;
using NodaTime;

namespace Furiko.Sdk.Termination.Planning;

/// <summary>
/// Collects the decisions and the earliest wake-up of one planning pass. A mutable struct kept on the stack
/// and passed by reference, so a pass that decides nothing allocates nothing.
/// </summary>
internal struct PlanAccumulator
{
    private readonly Instant _now;
    private ImmutableArray<TaskTerminationDecision>.Builder? _decisions;
    private Instant? _wakeAt;
    private TerminationRule _wakeRule;

    public PlanAccumulator(Instant now)
    {
        _now = now;
    }

    /// <summary>The position of the decision already taken for a task in this pass, or -1.</summary>
    public readonly int IndexOf(string taskName)
    {
        if (_decisions is null)
        {
            return -1;
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

    public void Add(TaskTerminationDecision decision)
    {
        _decisions ??= ImmutableArray.CreateBuilder<TaskTerminationDecision>();
        _decisions.Add(decision);
    }

    public readonly void Replace(int index, TaskTerminationDecision decision) => _decisions![index] = decision;

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
