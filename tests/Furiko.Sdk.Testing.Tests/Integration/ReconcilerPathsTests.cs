using Furiko.Sdk.KillRequests;
using Furiko.Sdk.Models;
using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.Deletion;
using k8s.Models;
using NodaTime;

namespace Furiko.Sdk.Testing.Tests.Integration;

/// <summary>The reconciler's other paths: a missing Job, a stale copy from a cache, and the pending timeout.</summary>
public sealed class ReconcilerPathsTests
{
    [Fact]
    public async Task A_Job_that_does_not_exist_is_reported_gone_and_nothing_is_written()
    {
        using var cluster = Cluster.Start();

        var result = await cluster.ReconcileAsync("never-was");

        Assert.True(result.JobGone);
        Assert.Null(result.Job);
        Assert.Null(result.Plan);
        Assert.Null(result.RequeueAfter);
        Assert.Equal("Job jobs/never-was: gone", result.ToString());
        Assert.Empty(cluster.Wire.Writes);
    }

    [Fact]
    public async Task A_stale_copy_from_a_cache_is_reconciled_safely_and_the_next_copy_kills()
    {
        using var cluster = Cluster.Start();
        cluster.SeedParallelJob("cached", ["node-a"]);
        var stale = await cluster.GetJobAsync("cached");
        await cluster.Kills.RequestKillAsync(Cluster.Ns, "cached", KillRequest.Now, Cluster.Token);

        // The copy predates the kill request: it kills nothing, and its status write meets the newer Job (409) and is
        // redone on it.
        var first = await cluster.Reconciler.ReconcileAsync(stale, Cluster.Token);
        Assert.Empty(first.Deletions);
        Assert.Equal(409, cluster.Wire.StatusWrites[0].StatusCode);
        Assert.Equal(JobPhase.Killing, first.Phase);
        Assert.NotNull(first.Job!.Spec.KillTimestamp);

        var second = await cluster.Reconciler.ReconcileAsync(first.Job, Cluster.Token);
        Assert.Equal(TaskDeletionOutcomeKind.Deleted, Assert.Single(second.Deletions).Outcome.Kind);
    }

    [Fact]
    public async Task A_stale_copy_of_a_Job_deleted_and_created_again_is_reported_gone_and_the_new_Job_is_left_alone()
    {
        using var cluster = Cluster.Start();
        cluster.SeedParallelJob("phoenix", ["node-a"]);
        var stale = await cluster.GetJobAsync("phoenix");
        await cluster.Jobs.DeleteAsync(Cluster.Ns, "phoenix", cancellationToken: Cluster.Token);
        var reborn = cluster.Emulator.AddJob(new Job
        {
            Metadata = new V1ObjectMeta { Name = "phoenix", NamespaceProperty = Cluster.Ns },
            Spec = new JobSpec { Template = new JobTemplate() },
        });

        var result = await cluster.Reconciler.ReconcileAsync(stale, Cluster.Token);

        Assert.True(result.JobGone);
        var current = await cluster.GetJobAsync("phoenix");
        Assert.Equal(reborn.Metadata.Uid, current.Metadata.Uid);
        Assert.Equal(reborn.Metadata.ResourceVersion, current.Metadata.ResourceVersion);
        Assert.Null(current.Status);
    }

    [Fact]
    public async Task A_copy_without_resourceVersion_is_refused_naming_the_field()
    {
        using var cluster = Cluster.Start();
        var job = new Job { Metadata = new V1ObjectMeta { Name = "j", NamespaceProperty = Cluster.Ns, Uid = "u" } };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => cluster.Reconciler.ReconcileAsync(job, Cluster.Token));

        Assert.Contains("has no metadata.resourceVersion", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_pending_past_its_timeout_is_deleted_with_Furiko_s_tombstone_and_the_Job_fails()
    {
        using var cluster = Cluster.Start(new TerminationOptions { DefaultPendingTimeoutSeconds = 60 });
        var job = cluster.Emulator.AddJob(new Job
        {
            Metadata = new V1ObjectMeta { Name = "stuck", NamespaceProperty = Cluster.Ns },
            Spec = new JobSpec { Type = JobType.Adhoc, Template = new JobTemplate() },
            Status = new JobStatus { StartTime = Cluster.T0 },
        });
        cluster.Emulator.Add(new V1Pod
        {
            Metadata = new V1ObjectMeta
            {
                Name = "stuck-gezdqo-0",
                NamespaceProperty = Cluster.Ns,
                Labels = new Dictionary<string, string> { [FurikoLabels.JobUid] = job.Metadata.Uid },
                OwnerReferences = [new V1OwnerReference { ApiVersion = FurikoApi.GroupVersion, Kind = "Job", Name = "stuck", Uid = job.Metadata.Uid, Controller = true }],
            },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "main", Image = "busybox" }] },
            Status = new V1PodStatus { Phase = "Pending" },
        });

        var waiting = await cluster.ReconcileAsync("stuck");
        Assert.Empty(waiting.Deletions);
        Assert.Equal(Duration.FromSeconds(60), waiting.RequeueAfter);

        cluster.Clock.Advance(waiting.RequeueAfter!.Value);
        var killed = await cluster.ReconcileAsync("stuck");

        var deletion = Assert.Single(killed.Deletions);
        Assert.Equal(TerminationRule.PendingTimeout, deletion.Decision.Cause.Rule);
        Assert.Equal(JobPhase.Failed, killed.Phase);
        var taskRef = Assert.Single(killed.Job!.Status!.Tasks!);
        Assert.Equal(TaskResult.Killed, taskRef.Status.Result);
        Assert.Equal("PendingTimeout", taskRef.Status.Reason);
        Assert.Equal("Task exceeded pending timeout of 1m0s", taskRef.Status.Message);
        Assert.Empty(await cluster.PodsAsync());
    }
}
