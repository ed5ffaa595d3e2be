using Furiko.Sdk.KillRequests;
using Furiko.Sdk.Models;
using Furiko.Sdk.Termination.Deletion;
using k8s;
using k8s.Models;

namespace Furiko.Sdk.Testing.Tests.Integration;

/// <summary>FURIKO-SEMANTICS 7.7: a delete carries the Pod's UID, so a new Pod that took the name is never deleted.</summary>
public sealed class ReplacedPodTests
{
    [Fact]
    public async Task A_Pod_replaced_under_the_same_name_is_reported_and_never_deleted()
    {
        using var cluster = Cluster.Start();
        cluster.SeedParallelJob("swap", ["node-a"]);
        var name = Cluster.PodName("swap", 0);
        var original = Assert.Single(await cluster.PodsAsync());
        await cluster.Kills.RequestKillAsync(Cluster.Ns, "swap", KillRequest.Now, Cluster.Token);

        // Between the SDK's read and its delete, someone else removes the Pod and creates another of the same name.
        using var other = cluster.Emulator.CreateClient();
        V1Pod? impostor = null;
        cluster.Wire.BeforeSend = async (request, _) =>
        {
            if (impostor is null && request.Method == HttpMethod.Delete && request.RequestUri!.AbsolutePath.EndsWith("/" + name, StringComparison.Ordinal))
            {
                await other.CoreV1.DeleteNamespacedPodAsync(name, Cluster.Ns, new V1DeleteOptions { GracePeriodSeconds = 0 }, cancellationToken: Cluster.Token);
                impostor = cluster.Emulator.AddRunningPod(new V1Pod
                {
                    Metadata = new V1ObjectMeta
                    {
                        Name = name,
                        NamespaceProperty = Cluster.Ns,
                        OwnerReferences = [new V1OwnerReference { ApiVersion = "apps/v1", Kind = "ReplicaSet", Name = "web", Uid = "rs-uid", Controller = true }],
                    },
                    Spec = new V1PodSpec { NodeName = "node-a", Containers = [new V1Container { Name = "web", Image = "nginx" }] },
                });
            }
        };

        var first = await cluster.ReconcileAsync("swap");

        var refused = Assert.Single(first.Deletions);
        Assert.Equal(TaskDeletionOutcomeKind.Replaced, refused.Outcome.Kind);
        Assert.True(first.AnyTaskReplaced);
        Assert.True(first.NeedsRetry);
        Assert.Equal(409, Assert.Single(cluster.Wire.PodDeletes).StatusCode);
        Assert.Equal(original.Metadata.Uid, cluster.Wire.PodDeletes[0].PreconditionUid);
        Assert.Empty(await cluster.EventsAsync());

        // The next pass sees the task gone (the new Pod is not the Job's) and finishes the kill with its tombstone.
        cluster.Clock.AdvanceSeconds(1);
        var second = await cluster.ReconcileAsync("swap");

        Assert.Empty(second.Deletions);
        Assert.Equal(JobPhase.Killed, second.Phase);
        var taskRef = Assert.Single(second.Job!.Status!.Tasks!);
        Assert.Equal(TaskState.Terminated, taskRef.Status.State);
        Assert.Equal(TaskResult.Killed, taskRef.Status.Result);
        var survivor = Assert.Single(await cluster.PodsAsync());
        Assert.Equal(impostor!.Metadata.Uid, survivor.Metadata.Uid);
        Assert.NotEqual(original.Metadata.Uid, survivor.Metadata.Uid);
        Assert.Null(survivor.Metadata.DeletionTimestamp);
        Assert.Single(cluster.Wire.PodDeletes);
        Assert.DoesNotContain(impostor.Metadata.Uid, cluster.AcceptedDeletesByUid().Keys);
    }
}
