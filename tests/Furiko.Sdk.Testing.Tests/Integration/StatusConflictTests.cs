using System.Text.Json;
using Furiko.Sdk.KillRequests;
using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Models;
using Furiko.Sdk.Testing.Emulator;

namespace Furiko.Sdk.Testing.Tests.Integration;

/// <summary>A status write that meets a concurrent change reads the Job again and re-applies the pass's tombstones.</summary>
public sealed class StatusConflictTests
{
    private static readonly string[] Nodes = ["node-a", "node-b", "node-c"];

    [Theory]
    [InlineData(1)] // the tombstone write ahead of the deletes
    [InlineData(2)] // the status write after them
    public async Task A_status_write_that_conflicts_with_a_concurrent_change_is_retried_without_losing_tombstones(int conflictingWrite)
    {
        using var cluster = Cluster.Start();
        cluster.SeedParallelJob("contended", Nodes);
        await cluster.Kills.RequestKillAsync(Cluster.Ns, "contended", KillRequest.Now, Cluster.Token);

        // Just before the chosen status write goes out, another writer changes the status: it drops every task entry
        // (and with them any tombstone) and adds a field of its own.
        using var otherClient = cluster.Emulator.CreateClient();
        var other = new JobClient(otherClient, Cluster.FastRetry(), TimeProvider.System);
        var statusWrites = 0;
        cluster.Wire.BeforeSend = async (request, _) =>
        {
            if (request.Method == HttpMethod.Put && request.RequestUri!.AbsolutePath.EndsWith("/status", StringComparison.Ordinal)
                && Interlocked.Increment(ref statusWrites) == conflictingWrite)
            {
                var job = await other.GetAsync(Cluster.Ns, "contended", Cluster.Token);
                job.Status!.Tasks = null;
                job.Status.UnknownFields = new Dictionary<string, JsonElement> { ["auditedBy"] = JsonSerializer.SerializeToElement("auditor") };
                await other.ReplaceStatusAsync(job, Cluster.Token);
            }
        };

        var result = await cluster.ReconcileAsync("contended");

        Assert.Equal(409, cluster.Wire.StatusWrites[conflictingWrite - 1].StatusCode);
        Assert.Equal(200, cluster.Wire.StatusWrites[conflictingWrite].StatusCode);
        Assert.Equal(3, result.Deletions.Length);
        var status = (await cluster.GetJobAsync("contended")).Status!;
        Assert.Equal(3, status.Tasks!.Count(t => t.DeletedStatus is { State.Value: "Terminated", Result.Value: "Killed" }));
        Assert.Equal("auditor", status.UnknownFields!["auditedBy"].GetString());
        Assert.Equal(JobPhase.Killing, status.Phase);

        cluster.Clock.AdvanceSeconds(2);
        var done = await cluster.ReconcileAsync("contended");
        Assert.Equal(JobPhase.Killed, done.Phase);
        Assert.All(done.Job!.Status!.Tasks!, t => Assert.Equal(TaskResult.Killed, t.Status.Result));
    }

    [Fact]
    public async Task Conflicts_that_never_end_give_up_with_a_conflict_exception_and_no_delete_is_sent()
    {
        using var cluster = Cluster.Start();
        cluster.SeedParallelJob("contended", Nodes);
        await cluster.Kills.RequestKillAsync(Cluster.Ns, "contended", KillRequest.Now, Cluster.Token);
        cluster.Emulator.InjectFault(new RequestMatch(KubernetesVerb.Update, "jobs") { Subresource = "status" }, EmulatorFault.Status(409), times: 1000);

        var error = await Assert.ThrowsAsync<FurikoApiConflictException>(() => cluster.ReconcileAsync("contended"));

        Assert.Contains("gave up after 5 attempts", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, cluster.Wire.StatusWrites.Count);
        Assert.Empty(cluster.Wire.PodDeletes);
    }
}
