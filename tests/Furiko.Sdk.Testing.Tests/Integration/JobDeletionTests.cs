using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Models;
using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.Deletion;
using NodaTime;

namespace Furiko.Sdk.Testing.Tests.Integration;

/// <summary>FURIKO-SEMANTICS 5.4 and 7.3: a deleted Job's tasks go first, a stuck one by force, then its finalizer.</summary>
public sealed class JobDeletionTests
{
    [Fact]
    public async Task A_deleted_Job_loses_its_tasks_then_its_finalizer_even_with_a_Pod_on_a_dead_node()
    {
        using var cluster = Cluster.Start(new TerminationOptions { ForceDeleteTaskTimeoutSeconds = 60 });
        cluster.SeedParallelJob("doomed", ["node-a", "node-b"], downNodes: ["node-b"], withFinalizer: true);
        await cluster.Jobs.DeleteAsync(Cluster.Ns, "doomed", cancellationToken: Cluster.Token);

        var first = await cluster.ReconcileAsync("doomed");

        Assert.Equal(2, first.CountDeletions(TaskDeletionMode.Graceful, TaskDeletionOutcomeKind.Deleted));
        Assert.All(first.Tombstones, t => Assert.Equal(TombstoneReasons.JobDeleted, t.Tombstone.Reason));
        Assert.False(first.FinalizerRemoved);
        Assert.False(first.CanCreateTasks);
        var stored = (await cluster.GetJobAsync("doomed")).Status!;
        Assert.All(stored.Tasks!, t => Assert.Equal("Task was killed in response to deletion of Job", t.DeletedStatus!.Message));

        Assert.Equal(JobPhase.Killed, first.Phase); // FURIKO-SEMANTICS 6.4: the deletion override
        var results = await cluster.ReconcileUntilAsync("doomed", r => r.FinalizerRemoved, Duration.FromSeconds(10), Cluster.T0 + Duration.FromMinutes(10));
        var last = results[^1];

        Assert.True(last.FinalizerRemoved);
        Assert.Equal(Cluster.T0 + Duration.FromSeconds(90), cluster.Clock.GetCurrentInstant()); // deletionTimestamp (+30 s grace) + 60 s
        Assert.Equal(TaskDeletionMode.Force, Assert.Single(results.SelectMany(r => r.Deletions)).Request.Mode);
        await Assert.ThrowsAsync<FurikoApiNotFoundException>(() => cluster.GetJobAsync("doomed"));
        var gone = await cluster.ReconcileAsync("doomed");
        Assert.True(gone.JobGone);
        Assert.Null(gone.RequeueAfter);
        Assert.False(gone.CanCreateTasks);
    }
}
