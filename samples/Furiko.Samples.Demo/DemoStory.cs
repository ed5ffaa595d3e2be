using Furiko.Sdk;
using Furiko.Sdk.KillRequests;
using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.Deletion;
using Furiko.Sdk.Termination.Execution;
using Furiko.Sdk.Text;
using k8s;
using NodaTime;

namespace Furiko.Samples.Demo;

/// <summary>
/// The core story of killing a Job, told as a timeline: a parallel Job with three tasks, one on a node that stops
/// responding; a kill requested for a few seconds later; graceful deletions honouring each Pod's grace period; the
/// stuck task force-deleted after the force-deletion timeout (unless the Job forbids it); the Job going Running,
/// Killing, Killed. The demo only sets the scene (the Job, its Pods, the dead node, the kill request); every line
/// after that is read from the SDK's reconcile results and from the objects on the API server.
/// </summary>
internal sealed class DemoStory(IDemoWorld world, DemoSettings settings, TextWriter output)
{
    private readonly Timeline _timeline = new(output, world.Clock);
    private readonly DemoReport _report = new();

    public async Task<DemoReport> RunAsync(CancellationToken cancellationToken)
    {
        var jobs = new JobClient(world.Client);
        var reconciler = JobReconciler.Create(
            world.Client,
            world.Clock,
            new TerminationOptions { ForceDeleteTaskTimeoutSeconds = settings.ForceDeleteTimeoutSeconds, DefaultPendingTimeoutSeconds = 0 });

        _timeline.Say($"Furiko.Sdk demo against {world.Description}.");
        var (job, nodes) = await SetTheSceneAsync(jobs, cancellationToken).ConfigureAwait(false);
        var pods = new PodWatcher(world.Client, settings.Namespace, job.Metadata.Uid);

        // The tasks start; the reconciler writes the Job's status from them.
        while (!await AllRunningAsync(pods, cancellationToken).ConfigureAwait(false))
        {
            await world.PassAsync(settings.Step, cancellationToken).ConfigureAwait(false);
        }

        await ReconcileAsync(reconciler, cancellationToken).ConfigureAwait(false);

        var stuckNode = nodes[^1];
        if (world.StopNode(stuckNode))
        {
            _timeline.Say($"Node {stuckNode} stops responding: its kubelet will never confirm a deletion.");
        }
        else
        {
            _timeline.Say("(On a real cluster the demo stops no node: every task should go gracefully.)");
        }

        var kills = new KillRequestService(jobs, world.Clock);
        var requested = await kills.RequestKillAsync(settings.Namespace, settings.JobName, KillRequest.AfterDuration(settings.KillAfter), cancellationToken).ConfigureAwait(false);
        _timeline.Say($"Requested for job {settings.Namespace}/{settings.JobName} to be killed at {GoTimeFormat.Format(requested.KillAt)} (spec.killTimestamp, a merge patch of that field alone).");

        var giveUpAt = world.Clock.GetCurrentInstant() + settings.GiveUpAfter;
        while (world.Clock.GetCurrentInstant() < giveUpAt)
        {
            await world.PassAsync(settings.Step, cancellationToken).ConfigureAwait(false);
            await LookAtPodsAsync(pods, cancellationToken).ConfigureAwait(false);
            var result = await ReconcileAsync(reconciler, cancellationToken).ConfigureAwait(false);
            if (_report.Killed)
            {
                await SummariseAsync(result.Job!, cancellationToken).ConfigureAwait(false);
                return _report;
            }

            if (StuckPastForceTimeout(result.Job, pods) is { } stuck)
            {
                _timeline.Say($"Pod {stuck} has stayed Terminating for longer than the force-deletion timeout ({settings.ForceDeleteTimeoutSeconds}s), "
                    + "but the Job sets forbidTaskForceDeletion: it is never forced, and the Job stays Killing until the node comes back. Stopping here.");
                _report.StoppedWithStuckTask = true;
                await SummariseAsync(result.Job!, cancellationToken).ConfigureAwait(false);
                return _report;
            }
        }

        _timeline.Say($"Gave up: the Job is still {_report.Phases.LastOrDefault()} after {settings.GiveUpAfter}.");
        return _report;
    }

    private async Task<(Job Job, IReadOnlyList<string> Nodes)> SetTheSceneAsync(JobClient jobs, CancellationToken cancellationToken)
    {
        var job = await jobs.CreateAsync(settings.Namespace, DemoJob.Create(settings), cancellationToken).ConfigureAwait(false);
        job.Status = DemoJob.Started(world.Clock.GetCurrentInstant());
        job = await jobs.ReplaceStatusAsync(job, cancellationToken).ConfigureAwait(false);
        _timeline.Say($"Created Job {settings.Namespace}/{job.Metadata.Name}: {settings.GracePeriods.Count} parallel tasks, "
            + $"force-deletion timeout {GoDuration.Format(Duration.FromSeconds(settings.ForceDeleteTimeoutSeconds))}, "
            + $"forbidTaskForceDeletion {(settings.ForbidForceDeletion ? "true" : "false")}.");

        var indexes = ParallelIndexes.Generate(job.Spec.Template!.Parallelism);
        var nodes = await world.PickNodesAsync(indexes.Count, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < indexes.Count; i++)
        {
            var pod = DemoJob.Task(job, indexes[i], nodes[i], settings.GracePeriods[i]);
            await world.Client.CoreV1.CreateNamespacedPodAsync(pod, settings.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            _timeline.Say($"Created task Pod {pod.Metadata.Name} on {nodes[i]} (terminationGracePeriodSeconds {settings.GracePeriods[i]}).");
        }

        return (job, nodes);
    }

    private async Task<bool> AllRunningAsync(PodWatcher pods, CancellationToken cancellationToken)
    {
        await LookAtPodsAsync(pods, cancellationToken).ConfigureAwait(false);
        return pods.Current.Count == settings.GracePeriods.Count && pods.Current.Values.All(pod => pod.Status?.Phase == "Running");
    }

    private async Task LookAtPodsAsync(PodWatcher pods, CancellationToken cancellationToken)
    {
        foreach (var change in await pods.LookAsync(cancellationToken).ConfigureAwait(false))
        {
            _timeline.Say(change);
        }
    }

    private async Task<JobReconcileResult> ReconcileAsync(JobReconciler reconciler, CancellationToken cancellationToken)
    {
        var result = await reconciler.ReconcileAsync(settings.Namespace, settings.JobName, cancellationToken).ConfigureAwait(false);
        foreach (var deletion in result.Deletions)
        {
            var mode = deletion.Request.Mode == TaskDeletionMode.Force ? "Force" : "Graceful";
            _timeline.Say($"{mode} delete of Pod {deletion.Request.PodName}: {deletion.Outcome.Kind}.");
            _timeline.Detail($"why: {deletion.Decision.Cause}");
            if (deletion.Outcome.Succeeded)
            {
                if (deletion.Request.Mode == TaskDeletionMode.Force)
                {
                    _report.ForcedDeletes++;
                }
                else
                {
                    _report.GracefulDeletes++;
                }
            }
        }

        foreach (var tombstone in result.Tombstones)
        {
            var t = tombstone.Tombstone;
            var reason = t.Reason is null ? string.Empty : $", reason {t.Reason}: \"{t.Message}\"";
            _timeline.Detail($"tombstone for {tombstone.TaskName} written ahead of the delete ({tombstone.Mode}): {t.State}/{t.Result}{reason}");
        }

        if (result.Phase is { } phase && (_report.Phases.Count == 0 || _report.Phases[^1] != phase))
        {
            _report.Phases.Add(phase);
            var condition = result.Job!.Status!.Condition;
            var why = condition.Waiting?.Message ?? condition.Finished?.Result.ToString() ?? string.Empty;
            _timeline.Say($"Job phase {phase} (state {result.Job.Status.State}{(why.Length > 0 ? $": {why}" : string.Empty)}).");
        }

        if (result.RequeueAfter is { } requeue && result.Deletions.Length > 0)
        {
            _timeline.Detail($"the reconciler asks to look again in {GoDuration.Format(requeue)}");
        }

        return result;
    }

    private string? StuckPastForceTimeout(Job? job, PodWatcher pods)
    {
        if (job?.Spec.Template?.ForbidTaskForceDeletion != true)
        {
            return null;
        }

        var now = world.Clock.GetCurrentInstant();
        var limit = Duration.FromSeconds(settings.ForceDeleteTimeoutSeconds);
        return pods.Current.Values
            .Where(pod => pod.Metadata.DeletionTimestamp is { } deadline
                && now - Instant.FromDateTimeUtc(DateTime.SpecifyKind(deadline, DateTimeKind.Utc)) > limit)
            .Select(pod => pod.Metadata.Name)
            .FirstOrDefault();
    }

    private async Task SummariseAsync(Job job, CancellationToken cancellationToken)
    {
        _timeline.Blank();
        _timeline.Say($"Final status of Job {settings.Namespace}/{settings.JobName}: phase {job.Status!.Phase}, state {job.Status.State}.");
        foreach (var task in job.Status.Tasks ?? [])
        {
            var status = task.Status;
            var reason = status.Reason is null ? string.Empty : $", reason {status.Reason}: \"{status.Message}\"";
            var result = status.Result is { } value ? $"/{value}" : string.Empty;
            _timeline.Detail($"task {task.Name}: {status.State}{result}{reason}");
        }

        var events = await world.Client.CoreV1.ListNamespacedEventAsync(
            settings.Namespace, fieldSelector: $"involvedObject.name={settings.JobName}", cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var item in events.Items.OrderBy(e => e.Metadata.CreationTimestamp).ThenBy(e => e.Metadata.Name, StringComparer.Ordinal))
        {
            _timeline.Detail($"event {item.Type} {item.Reason}: {item.Message}");
        }

        _timeline.Detail($"deletes sent: {_report.GracefulDeletes} graceful, {_report.ForcedDeletes} forced");
    }
}
