using System.Collections.Immutable;
using System.Globalization;
using Furiko.Sdk.Models;
using Furiko.Sdk.Termination.Deletion;
using Furiko.Sdk.Termination.Execution;
using Furiko.Sdk.Termination.Planning;
using Furiko.Sdk.Text;
using NodaTime;

namespace Furiko.Sdk.Kubernetes;

/// <summary>What one reconcile of a Job did, and when to look again. Immutable; thread-safe as long as <see cref="Job"/> is not changed.</summary>
public sealed class JobReconcileResult
{
    internal JobReconcileResult(
        string jobNamespace,
        string jobName,
        bool jobGone,
        Job? job,
        TerminationPlan? plan,
        ImmutableArray<TombstoneWrite> tombstones,
        ImmutableArray<TaskDeletionResult> deletions,
        bool statusWritten,
        bool finalizerRemoved,
        Duration? requeueAfter)
    {
        Namespace = jobNamespace;
        Name = jobName;
        JobGone = jobGone;
        Job = job;
        Plan = plan;
        Tombstones = tombstones.IsDefault ? [] : tombstones;
        Deletions = deletions.IsDefault ? [] : deletions;
        StatusWritten = statusWritten;
        FinalizerRemoved = finalizerRemoved;
        RequeueAfter = jobGone ? null : requeueAfter;
    }

    /// <summary>The Job's namespace.</summary>
    public string Namespace { get; }

    /// <summary>The Job's name.</summary>
    public string Name { get; }

    /// <summary>
    /// Whether the Job does not exist (any more, or under the UID the pass started with): nothing is left to do for
    /// it, so forget it. What the pass did before it noticed is still reported.
    /// </summary>
    public bool JobGone { get; }

    /// <summary>The Job as stored after the pass (as written, or as last read); <see langword="null"/> when it is gone.</summary>
    public Job? Job { get; }

    /// <summary>The termination plan the pass carried out; <see langword="null"/> when the Job was gone before it was planned.</summary>
    public TerminationPlan? Plan { get; }

    /// <summary>
    /// The plan's tombstones, stored ahead of its deletes (FURIKO-SEMANTICS 7.8); empty when none. Those already stored
    /// by an earlier pass are not sent again.
    /// </summary>
    public ImmutableArray<TombstoneWrite> Tombstones { get; }

    /// <summary>One entry per delete sent, in the plan's order: the decision, the request and its outcome; empty when none.</summary>
    public ImmutableArray<TaskDeletionResult> Deletions { get; }

    /// <summary>Whether the status derived after the deletes was written (false when it equalled the stored one).</summary>
    public bool StatusWritten { get; }

    /// <summary>Whether the Job's finalizer <c>execution.furiko.io/delete-dependents-finalizer</c> was removed, letting its deletion finish.</summary>
    public bool FinalizerRemoved { get; }

    /// <summary>The Job's phase after the pass; <see langword="null"/> when it is gone or has no status.</summary>
    public JobPhase? Phase => Job?.Status?.Phase;

    /// <summary>
    /// How long to wait before the next pass (at least one second): the earliest time a termination decision changes
    /// by itself (a future kill time, a pending timeout, a force-deletion deadline), for the Job and Pods as the pass
    /// left them (so it includes the force-deletion deadline of a Pod the pass deleted). <see langword="null"/> when
    /// only an event (a change of the Job or of its Pods) can change anything, and when the Job is gone. After
    /// <see cref="NeedsRetry"/>, requeue with your own back-off as well.
    /// </summary>
    public Duration? RequeueAfter { get; }

    /// <summary>
    /// Whether new tasks may be created for the Job now (FURIKO-SEMANTICS 4, canCreateTask): false once a kill time is
    /// set, for an admission error, while the Job is being deleted, and when it is gone.
    /// </summary>
    public bool CanCreateTasks => !JobGone && Plan is { CanCreateTasks: true };

    /// <summary>Whether a delete failed (it is retried on the next pass).</summary>
    public bool AnyDeletionFailed => Deletions.Any(d => d.Outcome.Kind == TaskDeletionOutcomeKind.Failed);

    /// <summary>Whether a task's Pod was found replaced by another of the same name (UID precondition failed); the next pass reads the tasks again.</summary>
    public bool AnyTaskReplaced => Deletions.Any(d => d.Outcome.Kind == TaskDeletionOutcomeKind.Replaced);

    /// <summary>Whether the pass left work undone that only another pass can finish: a delete failed or a task was replaced.</summary>
    public bool NeedsRetry => AnyDeletionFailed || AnyTaskReplaced;

    /// <summary>How many deletes of a mode had an outcome.</summary>
    /// <param name="mode">Graceful or forced.</param>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The count.</returns>
    public int CountDeletions(TaskDeletionMode mode, TaskDeletionOutcomeKind outcome) =>
        Deletions.Count(d => d.Request.Mode == mode && d.Outcome.Kind == outcome);

    /// <summary>One line for logs, for example <c>Job default/my-job: phase Killing, 3 delete(s), 3 tombstone(s), status written, requeue in 1m30s</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        if (JobGone && Deletions.IsEmpty)
        {
            return $"Job {Namespace}/{Name}: gone";
        }

        var failed = Deletions.Count(d => !d.Outcome.Succeeded);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Job {Namespace}/{Name}: {(JobGone ? "gone" : "phase " + Phase)}, {Deletions.Length} delete(s){(failed > 0 ? $" ({failed} not done)" : string.Empty)}, " +
            $"{Tombstones.Length} tombstone(s), status {(StatusWritten ? "written" : "unchanged")}{(FinalizerRemoved ? ", finalizer removed" : string.Empty)}, " +
            $"{(RequeueAfter is { } after ? "requeue in " + GoDuration.Format(after) : "no timed requeue")}");
    }
}
