using System.Text.Json.Nodes;
using Furiko.Sdk.KillRequests;
using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Models;
using Furiko.Sdk.Serialization;
using Furiko.Sdk.Termination.Deletion;
using Furiko.Sdk.Testing.Emulator;

namespace Furiko.Sdk.Testing.Tests.Integration;

/// <summary>
/// A kill of 100 Pods interrupted half-way is finished by the next pass, with no Pod deleted twice and the same final
/// status as an uninterrupted kill, because the tombstones were stored before any delete (FURIKO-SEMANTICS 7.8).
/// </summary>
public sealed class CrashSafetyTests
{
    private const int PodCount = 100;
    private const string JobName = "wide";

    [Fact]
    public async Task A_delete_that_fails_past_its_retries_is_finished_by_the_next_pass_and_no_Pod_is_deleted_twice()
    {
        using var cluster = StartKilled();
        var attempts = cluster.Options.Retry.MaxAttempts;

        // The 51st Pod to be deleted answers 503 for longer than the retries last.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? unlucky = null;
        cluster.Wire.BeforeSend = (request, _) =>
        {
            if (request.Method == HttpMethod.Delete && request.RequestUri!.AbsolutePath.Contains("/pods/", StringComparison.Ordinal))
            {
                var name = request.RequestUri.AbsolutePath[(request.RequestUri.AbsolutePath.LastIndexOf('/') + 1)..];
                lock (seen)
                {
                    if (seen.Add(name) && seen.Count == 51)
                    {
                        unlucky = name;
                        cluster.Emulator.InjectFault(new RequestMatch(KubernetesVerb.Delete, "pods") { Name = name }, EmulatorFault.Status(503), attempts);
                    }
                }
            }

            return Task.CompletedTask;
        };

        var first = await cluster.ReconcileAsync(JobName);

        var failed = Assert.Single(first.Deletions, d => d.Outcome.Kind == TaskDeletionOutcomeKind.Failed);
        Assert.Equal(unlucky, failed.Request.PodName);
        var error = Assert.IsType<FurikoApiTransientException>(failed.Outcome.Error);
        Assert.Equal(attempts, error.Attempts);
        Assert.Equal(PodCount - 1, first.CountDeletions(TaskDeletionMode.Graceful, TaskDeletionOutcomeKind.Deleted));
        Assert.True(first.NeedsRetry);
        Assert.Equal(attempts, cluster.Wire.PodDeletes.Count(d => d.LastSegment == unlucky && d.StatusCode == 503));

        // Its tombstone was stored anyway, ahead of the delete.
        var stored = Assert.Single((await cluster.GetJobAsync(JobName)).Status!.Tasks!, t => t.Name == unlucky);
        Assert.Equal(TaskResult.Killed, stored.DeletedStatus!.Result);

        cluster.Wire.BeforeSend = null;
        var rerun = await cluster.ReconcileAsync(JobName);
        Assert.Equal(unlucky, Assert.Single(rerun.Deletions).Request.PodName);

        await FinishAsync(cluster);
        AssertEveryPodDeletedOnceGracefully(cluster);
        Assert.Equal(await CleanRunStatusAsync(), StatusJson(await cluster.GetJobAsync(JobName)));
    }

    [Fact]
    public async Task A_pass_abandoned_right_after_the_50th_delete_is_finished_by_the_next_pass_and_no_Pod_is_deleted_twice()
    {
        using var cluster = StartKilled();
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(Cluster.Token);
        var accepted = 0;
        cluster.Wire.AfterAnswer = record =>
        {
            if (record.IsPodDelete && record.Succeeded && Interlocked.Increment(ref accepted) == 50)
            {
                abandon.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cluster.Reconciler.ReconcileAsync(Cluster.Ns, JobName, abandon.Token));

        // Only the tombstones were written, ahead of the deletes; the pass stopped before its status write.
        Assert.Single(cluster.Wire.StatusWrites);
        var acceptedBeforeCrash = cluster.Wire.PodDeletes.Count(d => d.Succeeded);
        Assert.InRange(acceptedBeforeCrash, 50, PodCount - 1);
        var tombstones = (await cluster.GetJobAsync(JobName)).Status!.Tasks!;
        Assert.Equal(PodCount, tombstones.Count(t => t.DeletedStatus?.Result == TaskResult.Killed));

        cluster.Wire.AfterAnswer = null;
        var rerun = await cluster.ReconcileAsync(JobName);
        Assert.Equal(PodCount - acceptedBeforeCrash, rerun.Deletions.Length);
        Assert.All(rerun.Deletions, d => Assert.Equal(TaskDeletionOutcomeKind.Deleted, d.Outcome.Kind));

        await FinishAsync(cluster);
        AssertEveryPodDeletedOnceGracefully(cluster);
        Assert.Equal(await CleanRunStatusAsync(), StatusJson(await cluster.GetJobAsync(JobName)));
    }

    private static Cluster StartKilled()
    {
        var cluster = Cluster.Start();
        cluster.SeedParallelJob(JobName, [.. Enumerable.Range(0, PodCount).Select(i => $"node-{i % 4}")]);
        cluster.Kills.RequestKillAsync(Cluster.Ns, JobName, KillRequest.Now, Cluster.Token).GetAwaiter().GetResult();
        return cluster;
    }

    /// <summary>Two seconds on, the kubelets have stopped every Pod; the pass then records the Job as killed.</summary>
    private static async Task FinishAsync(Cluster cluster)
    {
        cluster.Clock.AdvanceSeconds(2);
        var last = await cluster.ReconcileAsync(JobName);
        Assert.Empty(last.Deletions);
        Assert.Equal(JobPhase.Killed, last.Phase);
        Assert.Empty(await cluster.PodsAsync());
    }

    private static void AssertEveryPodDeletedOnceGracefully(Cluster cluster)
    {
        var deletes = cluster.AcceptedDeletesByUid();
        Assert.Equal(PodCount, deletes.Count);
        Assert.All(deletes.Values, count => Assert.Equal((1, 0), count));
    }

    /// <summary>The final status of the same kill, uninterrupted, at the same times.</summary>
    private static async Task<string> CleanRunStatusAsync()
    {
        using var clean = StartKilled();
        var first = await clean.ReconcileAsync(JobName);
        Assert.Equal(PodCount, first.Deletions.Length);
        await FinishAsync(clean);
        return StatusJson(await clean.GetJobAsync(JobName));
    }

    private static string StatusJson(Job job) => JsonNode.Parse(FurikoJson.Serialize(job.Status!))!.ToJsonString();
}
