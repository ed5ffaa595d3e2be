using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using Furiko.Sdk.Termination.Deletion;
using Furiko.Sdk.Termination.ForceDeletion;
using Furiko.Sdk.Termination.KillTimestamp;
using Furiko.Sdk.Termination.ParallelCompletion;
using Furiko.Sdk.Termination.PendingTimeout;
using Furiko.Sdk.Termination.Triggers;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Furiko.Sdk.Termination.Planning;

/// <summary>
/// Decides, for one Job and its live tasks at one instant, what termination requires: which tasks to delete and
/// how, which tombstones to record, whether tasks may be created, whether the finalizer may go, and when to look
/// again. Pure: no I/O, no clock (the instant is a parameter), no logging; the same input always gives the same
/// plan, and a pass in which nothing is due allocates nothing. Follows the order of Furiko's pass
/// (FURIKO-SEMANTICS 3) with the SDK's fixes (FURIKO-SEMANTICS 7). Immutable; thread-safe if its parts are.
/// </summary>
public sealed class TerminationPlanner
{
    private readonly IKillTimestampEvaluator _killTimestamp;
    private readonly IJobTerminationTrigger[] _jobTriggers;
    private readonly ITaskTerminationTrigger[] _taskTriggers;
    private readonly IForceDeletionPolicy _forceDeletion;

    /// <summary>Creates a planner from its parts.</summary>
    /// <param name="killTimestamp">Decides whether <c>spec.killTimestamp</c> is due.</param>
    /// <param name="jobTriggers">Automatic Job-level kill triggers, asked in this order.</param>
    /// <param name="taskTriggers">Automatic task-level kill triggers, asked in this order.</param>
    /// <param name="forceDeletion">Decides when a task being deleted is forced.</param>
    public TerminationPlanner(
        IKillTimestampEvaluator killTimestamp,
        IEnumerable<IJobTerminationTrigger> jobTriggers,
        IEnumerable<ITaskTerminationTrigger> taskTriggers,
        IForceDeletionPolicy forceDeletion)
    {
        ArgumentNullException.ThrowIfNull(killTimestamp);
        ArgumentNullException.ThrowIfNull(jobTriggers);
        ArgumentNullException.ThrowIfNull(taskTriggers);
        ArgumentNullException.ThrowIfNull(forceDeletion);
        _killTimestamp = killTimestamp;
        _jobTriggers = [.. jobTriggers];
        _taskTriggers = [.. taskTriggers];
        _forceDeletion = forceDeletion;
        if (Array.IndexOf(_jobTriggers, null) >= 0 || Array.IndexOf(_taskTriggers, null) >= 0)
        {
            throw new ArgumentException("A termination trigger is null.", nameof(jobTriggers));
        }
    }

    /// <summary>
    /// A planner with Furiko's default parts: the kill-timestamp evaluator, the parallel-completion and
    /// pending-timeout triggers, and the timeout force-deletion policy.
    /// </summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults (900 s timeouts).</param>
    /// <returns>The planner.</returns>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public static TerminationPlanner CreateDefault(TerminationOptions? options = null)
    {
        var wrapped = Options.Create(options ?? new TerminationOptions());
        return new TerminationPlanner(
            new KillTimestampEvaluator(),
            [new ParallelCompletionTrigger()],
            [new PendingTimeoutTrigger(wrapped)],
            new ForceDeletionPolicy(wrapped));
    }

    /// <summary>Plans one pass.</summary>
    /// <param name="job">The Job, with the status derived for this pass (its parallel status and stored tombstones are read).</param>
    /// <param name="tasks">
    /// The Job's live tasks: one per existing Pod of the Job (Furiko considers those listed in <c>status.tasks</c>).
    /// Every Pod counts, whatever its phase; a task absent here is gone.
    /// </param>
    /// <param name="now">The instant of the pass; every deadline is compared with it, inclusively.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="job"/> or <paramref name="tasks"/> is null.</exception>
    /// <exception cref="ArgumentException">A task is null, or a Kubernetes timestamp is not UTC.</exception>
    public TerminationPlan Plan(Job job, IReadOnlyList<ObservedTask> tasks, Instant now)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(tasks);
        for (var i = 0; i < tasks.Count; i++)
        {
            if (tasks[i] is null)
            {
                throw new ArgumentException($"tasks[{i}] is null.", nameof(tasks));
            }
        }

        var facts = JobTerminationFacts.Read(job);
        var plan = new PlanAccumulator(now);
        TerminationCause? killCause = null;
        if (!facts.IsDeleting)
        {
            killCause = DecideKill(job, tasks, now, ref plan);
            PlanTaskTriggers(job, tasks, now, wakeUps: killCause is null, ref plan);
            if (killCause is { } cause)
            {
                PlanKill(tasks, cause, ref plan);
            }
        }
        else if (facts.HasFinalizer)
        {
            PlanJobDeletion(job, tasks, new TerminationCause(TerminationRule.JobDeletion, now, facts.DeletedAt), ref plan);
        }

        // FURIKO-SEMANTICS 7.3: force deletion also runs while the Job is being deleted, so its finalizer can go.
        PlanForceDeletion(job, tasks, now, ref plan);

        // FURIKO-SEMANTICS 4 (canCreateTask): a kill time set at all, even in the future, stops creation.
        var canCreateTasks = job.Spec?.KillTimestamp is null && !facts.HasAdmissionError && !facts.IsDeleting;
        var canRemoveFinalizer = facts.IsDeleting && facts.HasFinalizer && tasks.Count == 0;
        return plan.Build(killCause, canCreateTasks, canRemoveFinalizer);
    }

    // FURIKO-SEMANTICS 4 (shouldKillJob): the kill time first, then the Job-level triggers in order.
    private TerminationCause? DecideKill(Job job, IReadOnlyList<ObservedTask> tasks, Instant now, ref PlanAccumulator plan)
    {
        var kill = _killTimestamp.Evaluate(job, now);
        if (kill.Verdict == KillTimestampVerdict.Due)
        {
            return new TerminationCause(TerminationRule.KillTimestamp, now, kill.KillAt);
        }

        if (kill is { Verdict: KillTimestampVerdict.Scheduled, KillAt: { } killAt })
        {
            // FURIKO-SEMANTICS 7.1: a future kill fires on time instead of waiting for an unrelated event.
            plan.WakeAt(killAt, TerminationRule.KillTimestamp);
        }

        for (var i = 0; i < _jobTriggers.Length; i++)
        {
            var trigger = _jobTriggers[i];
            var decision = trigger.Evaluate(job, tasks, now);
            if (decision.Verdict == TriggerVerdict.Due)
            {
                return new TerminationCause(trigger.Rule, now, decision.Deadline);
            }

            if (decision is { Verdict: TriggerVerdict.Scheduled, Deadline: { } at })
            {
                plan.WakeAt(at, trigger.Rule);
            }
        }

        return null;
    }

    // FURIKO-SEMANTICS 5.1 and user task triggers: the first trigger that fires for a task decides its tombstone.
    private void PlanTaskTriggers(Job job, IReadOnlyList<ObservedTask> tasks, Instant now, bool wakeUps, ref PlanAccumulator plan)
    {
        if (_taskTriggers.Length == 0)
        {
            return;
        }

        for (var i = 0; i < tasks.Count; i++)
        {
            var task = tasks[i];
            if (task.IsFinished || task.IsDeleting)
            {
                continue;
            }

            for (var t = 0; t < _taskTriggers.Length; t++)
            {
                var trigger = _taskTriggers[t];
                var decision = trigger.Evaluate(job, task, now);
                if (decision.Verdict == TriggerVerdict.Due)
                {
                    var tombstone = new TombstoneWrite(task.Name, Tombstone.KilledBecause(decision.Reason, decision.Message), TombstoneWriteMode.Overwrite);
                    plan.Add(new TaskTerminationDecision(task, TaskDeletionMode.Graceful, tombstone, new TerminationCause(trigger.Rule, now, decision.Deadline)));
                    break;
                }

                // A task the kill step deletes in this pass needs no wake-up of its own.
                if (wakeUps && decision is { Verdict: TriggerVerdict.Scheduled, Deadline: { } at })
                {
                    plan.WakeAt(at, trigger.Rule);
                }
            }
        }
    }

    // FURIKO-SEMANTICS 5.2: every task neither finished nor being deleted is deleted gracefully, tombstone
    // overwritten with {Terminated, Killed}; 7.2: a task already deleted in this pass keeps its first reason.
    private static void PlanKill(IReadOnlyList<ObservedTask> tasks, TerminationCause cause, ref PlanAccumulator plan)
    {
        // A kill usually decides for most tasks of the Job: room for all candidates at once spares the growth copies.
        var candidates = 0;
        for (var i = 0; i < tasks.Count; i++)
        {
            if (!tasks[i].IsFinished && !tasks[i].IsDeleting)
            {
                candidates++;
            }
        }

        plan.Reserve(candidates);
        for (var i = 0; i < tasks.Count; i++)
        {
            var task = tasks[i];
            if (task.IsFinished || task.IsDeleting || plan.IndexOf(task.Name) >= 0)
            {
                continue;
            }

            plan.Add(new TaskTerminationDecision(
                task,
                TaskDeletionMode.Graceful,
                new TombstoneWrite(task.Name, Tombstone.Killed, TombstoneWriteMode.Overwrite),
                cause));
        }
    }

    // FURIKO-SEMANTICS 5.4: every remaining task, finished or not, must go before the finalizer can; existing
    // tombstones are kept. 7.9: a Pod already being deleted is not sent another graceful delete.
    private static void PlanJobDeletion(Job job, IReadOnlyList<ObservedTask> tasks, TerminationCause cause, ref PlanAccumulator plan)
    {
        for (var i = 0; i < tasks.Count; i++)
        {
            var task = tasks[i];
            var needsTombstone = !JobTerminationFacts.HasStoredTombstone(job, task.Name);
            if (!needsTombstone && task.IsDeleting)
            {
                continue;
            }

            plan.Add(new TaskTerminationDecision(
                task,
                task.IsDeleting ? null : TaskDeletionMode.Graceful,
                needsTombstone ? new TombstoneWrite(task.Name, Tombstone.JobDeleted, TombstoneWriteMode.IfUnset) : null,
                cause));
        }
    }

    // FURIKO-SEMANTICS 5.3: every task being deleted, whoever deleted it; 7.9: a Pod already force-deleted (its
    // deletionGracePeriodSeconds is 0, held by a finalizer) is not forced again.
    private void PlanForceDeletion(Job job, IReadOnlyList<ObservedTask> tasks, Instant now, ref PlanAccumulator plan)
    {
        for (var i = 0; i < tasks.Count; i++)
        {
            var task = tasks[i];
            if (!task.IsDeleting || task.DeletionGracePeriodSeconds == 0)
            {
                continue;
            }

            var decision = _forceDeletion.Evaluate(job, task, now);
            if (decision.Verdict == ForceDeletionVerdict.ForceNow)
            {
                var force = new TaskTerminationDecision(
                    task,
                    TaskDeletionMode.Force,
                    new TombstoneWrite(task.Name, Tombstone.ForceDeleted, TombstoneWriteMode.ForceUpdate),
                    new TerminationCause(TerminationRule.ForceDeletionTimeout, now, decision.Deadline));

                // Only a Job-deletion tombstone can precede this for a task being deleted; writing it "if unset"
                // and then force-updating it yields what the force update alone yields, so one entry suffices.
                var earlier = plan.IndexOf(task.Name);
                if (earlier >= 0)
                {
                    plan.Replace(earlier, force);
                }
                else
                {
                    plan.Add(force);
                }
            }
            else if (decision is { Verdict: ForceDeletionVerdict.NotYet, Deadline: { } at })
            {
                plan.WakeAt(at, TerminationRule.ForceDeletionTimeout);
            }
        }
    }
}
