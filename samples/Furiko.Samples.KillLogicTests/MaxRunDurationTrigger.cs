using Furiko.Sdk.Text;
using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.Triggers;
using NodaTime;

namespace Furiko.Samples.KillLogicTests;

/// <summary>
/// Your own automatic kill rule: a task that has been running longer than a limit is killed, with a tombstone
/// that says why. Register it with <c>services.AddFurikoTermination().AddTaskTrigger(new MaxRunDurationTrigger(...))</c>.
/// </summary>
public sealed class MaxRunDurationTrigger(Duration limit) : ITaskTerminationTrigger
{
    public TerminationRule Rule => new("MaxRunDuration");

    public TaskTriggerDecision Evaluate(Job job, ObservedTask task, Instant now)
    {
        if (task.RunningTimestamp is not { } startedAt || task.IsFinished)
        {
            return TaskTriggerDecision.NotDue;
        }

        var deadline = startedAt + limit;
        return deadline > now
            ? TaskTriggerDecision.Scheduled(deadline)
            : TaskTriggerDecision.Due(deadline, "MaxRunDurationExceeded", $"Task ran longer than {GoDuration.Format(limit)}");
    }
}
