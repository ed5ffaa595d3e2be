using Furiko.Sdk.KillRequests;
using Furiko.Sdk.Models;
using Furiko.Sdk.Testing.Emulator;
using NodaTime;

namespace Furiko.Sdk.Testing.Tests.Integration;

/// <summary>A pass run again with a frozen clock and nothing changed in between sends no write and no delete.</summary>
public sealed class IdempotencyTests
{
    private static readonly string[] Nodes = ["node-a", "node-b", "node-c"];

    public static TheoryData<string> Stages => ["running, never reconciled", "kill just requested", "killing, one Pod stuck", "force deletion due", "killed"];

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task A_second_pass_with_nothing_changed_sends_no_write_and_no_delete(string stage)
    {
        using var cluster = Cluster.Start();
        cluster.SeedParallelJob("steady", Nodes, downNodes: ["node-c"]);
        if (stage != "running, never reconciled")
        {
            await cluster.Kills.RequestKillAsync(Cluster.Ns, "steady", KillRequest.Now, Cluster.Token);
        }

        if (stage is "killing, one Pod stuck" or "force deletion due" or "killed")
        {
            await cluster.ReconcileAsync("steady");
            cluster.Clock.AdvanceSeconds(stage == "killing, one Pod stuck" ? 10 : 90);
        }

        if (stage == "killed")
        {
            Assert.Equal(JobPhase.Killed, (await cluster.ReconcileAsync("steady")).Phase);
            cluster.Clock.AdvanceSeconds(60);
        }

        var first = await cluster.ReconcileAsync("steady");
        cluster.Emulator.ClearRequestLog();

        var second = await cluster.ReconcileAsync("steady");

        Assert.All(cluster.Emulator.RequestLog, r => Assert.True(r.Verb is KubernetesVerb.Get or KubernetesVerb.List, $"{r.Method} {r.Path}"));
        Assert.Empty(second.Deletions);
        Assert.False(second.StatusWritten);
        Assert.Equal(first.Phase, second.Phase);
        Assert.Equal(first.Job!.Metadata.ResourceVersion, second.Job!.Metadata.ResourceVersion);
        Assert.Equal(first.RequeueAfter, second.RequeueAfter);
        if (stage == "killing, one Pod stuck")
        {
            Assert.Equal(Duration.FromSeconds(80), second.RequeueAfter);
        }
    }
}
