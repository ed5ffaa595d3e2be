using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.Planning;
using NodaTime;
using static Furiko.Sdk.Tests.Termination.TerminationFixtures;

namespace Furiko.Sdk.Tests.Termination.Planning;

/// <summary>One generated task: times are seconds before the scenario's "now".</summary>
/// <param name="CreatedAgo">Seconds since creation.</param>
/// <param name="Running">Whether a container runs (or ran and finished).</param>
/// <param name="Finished">Whether the Pod finished.</param>
/// <param name="DeletingAgo">Seconds since its deletionTimestamp (negative: in the future); null when not deleting.</param>
/// <param name="ForceDeleted">Whether it was already force-deleted (deletionGracePeriodSeconds 0).</param>
/// <param name="DeadNode">Whether its node never confirms a graceful deletion (used by the world model).</param>
internal sealed record TaskScenario(long CreatedAgo, bool Running, bool Finished, long? DeletingAgo, bool ForceDeleted, bool DeadNode);

/// <summary>A generated Job and its tasks at <see cref="Now"/>, for property tests.</summary>
internal sealed record TerminationScenario(
    long ForceTimeout,
    long DefaultPending,
    long? JobPending,
    bool? Forbid,
    long? KillIn,
    int ParallelCase,
    bool JobDeleting,
    bool Finalizer,
    TaskScenario[] Tasks)
{
    public static readonly Instant Now = At(100_000);

    public TerminationPlanner Planner() => TerminationFixtures.Planner(ForceTimeout, DefaultPending);

    public Instant? KillAt => KillIn is { } seconds ? Now + Duration.FromSeconds(seconds) : null;

    /// <summary>Parallel cases: 0 none; 1 AllSuccessful failed (kills); 2 AnySuccessful succeeded (kills); 3 AnySuccessful incomplete; 4 AllSuccessful succeeded.</summary>
    public bool ParallelKills => ParallelCase is 1 or 2;

    public Job BuildJob()
    {
        var job = NewJob();
        job.Spec.KillTimestamp = KillAt;
        job.Spec.Template!.TaskPendingTimeoutSeconds = JobPending;
        job.Spec.Template.ForbidTaskForceDeletion = Forbid;
        switch (ParallelCase)
        {
            case 1: job.Parallel(ParallelCompletionStrategy.AllSuccessful, true, false); break;
            case 2: job.Parallel(ParallelCompletionStrategy.AnySuccessful, true, true); break;
            case 3: job.Parallel(ParallelCompletionStrategy.AnySuccessful, false, null); break;
            case 4: job.Parallel(ParallelCompletionStrategy.AllSuccessful, true, true); break;
        }

        if (JobDeleting)
        {
            job.Deleting(Now - Duration.FromSeconds(10));
        }

        if (!Finalizer)
        {
            job.Metadata.Finalizers = [];
        }

        return job.WithTaskRefs([.. BuildTasks()]);
    }

    public List<ObservedTask> BuildTasks()
    {
        var tasks = new List<ObservedTask>();
        for (var i = 0; i < Tasks.Length; i++)
        {
            var spec = Tasks[i];
            var created = Now - Duration.FromSeconds(spec.CreatedAgo);
            var task = spec.Finished
                ? Finished($"task{i}", created, Now - Duration.FromSeconds(spec.CreatedAgo / 2))
                : spec.Running ? Running($"task{i}", created) : Pending($"task{i}", created);
            if (spec.DeletingAgo is { } ago)
            {
                var at = Now - Duration.FromSeconds(ago);
                task = spec.ForceDeleted ? task.ForceDeletedAt(at) : task.DeletingAt(at);
            }

            tasks.Add(task with { NodeName = spec.DeadNode ? "dead" : "alive" });
        }

        return tasks;
    }

    /// <summary>The earliest deadline the rules define, computed independently of the planner.</summary>
    public Instant? ExpectedWakeUp()
    {
        var deadlines = new List<Instant>();
        if (!JobDeleting)
        {
            if (KillAt is { } kill && kill > Now)
            {
                deadlines.Add(kill);
            }

            var killDue = (KillAt is { } due && due <= Now) || ParallelKills;
            var pending = JobPending is >= 0 ? JobPending.Value : DefaultPending;
            if (!killDue && pending > 0)
            {
                deadlines.AddRange(BuildTasks()
                    .Where(task => !task.IsFinished && !task.IsDeleting && task.RunningTimestamp is null)
                    .Select(task => task.CreationTimestamp + Duration.FromSeconds(pending))
                    .Where(deadline => deadline > Now));
            }
        }

        if (ForceTimeout > 0 && Forbid != true)
        {
            deadlines.AddRange(BuildTasks()
                .Where(task => task.IsDeleting && task.DeletionGracePeriodSeconds != 0)
                .Select(task => task.DeletionTimestamp!.Value + Duration.FromSeconds(ForceTimeout))
                .Where(deadline => deadline > Now));
        }

        return deadlines.Count == 0 ? null : deadlines.Min();
    }

    public override string ToString() =>
        $"force={ForceTimeout} pending={DefaultPending} jobPending={JobPending} forbid={Forbid} killIn={KillIn} parallel={ParallelCase} " +
        $"jobDeleting={JobDeleting} finalizer={Finalizer} tasks=[{string.Join("; ", Tasks.Select(task => task.ToString()))}]";
}
