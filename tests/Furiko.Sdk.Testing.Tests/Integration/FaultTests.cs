using Furiko.Sdk.KillRequests;
using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Models;
using Furiko.Sdk.Termination.Deletion;
using Furiko.Sdk.Testing.Emulator;

namespace Furiko.Sdk.Testing.Tests.Integration;

/// <summary>
/// Every fault the emulator can inject, on every kind of call a reconcile makes: a fault that passes is survived;
/// one that lasts past the retries ends as documented (an exception for reads and the tombstone write, a failed
/// delete in the result, a dropped Event).
/// </summary>
public sealed class FaultTests
{
    private static readonly string[] Nodes = ["node-a", "node-b", "node-c"];

    public static TheoryData<string, string> EveryFaultOnEveryCall()
    {
        var data = new TheoryData<string, string>();
        foreach (var call in (string[])["get job", "list pods", "write status", "delete pod", "create event"])
        {
            foreach (var fault in (string[])["429 with Retry-After", "500", "503", "delay", "dropped connection"])
            {
                data.Add(call, fault);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryFaultOnEveryCall))]
    public async Task A_fault_that_passes_is_survived(string call, string fault)
    {
        using var cluster = await StartKilledAsync();
        var rule = cluster.Emulator.InjectFault(Match(call), Fault(fault), times: 1);

        var result = await cluster.ReconcileAsync("flaky");

        Assert.Equal(1, rule.HitCount);
        Assert.Equal(3, result.CountDeletions(TaskDeletionMode.Graceful, TaskDeletionOutcomeKind.Deleted));
        Assert.False(result.NeedsRetry);
        Assert.Equal(JobPhase.Killing, result.Phase);
        Assert.All(cluster.AcceptedDeletesByUid().Values, count => Assert.Equal((1, 0), count));
        Assert.Equal(3, (await cluster.GetJobAsync("flaky")).Status!.Tasks!.Count(t => t.DeletedStatus?.Result == TaskResult.Killed));
        var events = await cluster.EventsAsync();
        if (call == "create event" && fault is "500" or "503")
        {
            // A create that may have reached the server is not repeated (it could record the Event twice): dropped and
            // logged. (429 and a connection that failed to open certainly never reached it, so they are retried.)
            Assert.Equal(2, events.Count);
        }
        else
        {
            Assert.Equal(3, events.Count);
        }
    }

    [Theory]
    [MemberData(nameof(EveryFaultOnEveryCall))]
    public async Task A_fault_that_lasts_ends_as_documented(string call, string fault)
    {
        using var cluster = await StartKilledAsync();
        cluster.Emulator.InjectFault(Match(call), Fault(fault), times: 1000);

        if (fault == "delay")
        {
            // A slow answer is only slow.
            var slow = await cluster.ReconcileAsync("flaky");
            Assert.Equal(3, slow.CountDeletions(TaskDeletionMode.Graceful, TaskDeletionOutcomeKind.Deleted));
            return;
        }

        switch (call)
        {
            case "get job":
            case "list pods":
            case "write status":
                {
                    // A read the pass needs, or the tombstone write ahead of the deletes: the pass fails before any delete.
                    var error = await Assert.ThrowsAsync<FurikoApiTransientException>(() => cluster.ReconcileAsync("flaky"));
                    Assert.Equal(cluster.Options.Retry.MaxAttempts, error.Attempts);
                    Assert.Contains(call == "list pods" ? "Pod" : "Job", error.Message, StringComparison.Ordinal);
                    Assert.Empty(cluster.Wire.PodDeletes);
                    cluster.Emulator.ClearFaults();
                    Assert.Equal(3, (await cluster.PodsAsync()).Count(p => p.Metadata.DeletionTimestamp is null));
                    break;
                }

            case "delete pod":
                {
                    var result = await cluster.ReconcileAsync("flaky");
                    Assert.Equal(3, result.Deletions.Length);
                    Assert.All(result.Deletions, d => Assert.IsType<FurikoApiTransientException>(d.Outcome.Error));
                    Assert.True(result.AnyDeletionFailed);
                    Assert.Equal(JobPhase.Killing, result.Phase);
                    Assert.Empty(await cluster.EventsAsync());
                    break;
                }

            default:
                {
                    var result = await cluster.ReconcileAsync("flaky");
                    Assert.Equal(3, result.CountDeletions(TaskDeletionMode.Graceful, TaskDeletionOutcomeKind.Deleted));
                    Assert.False(result.NeedsRetry);
                    cluster.Emulator.ClearFaults();
                    Assert.Empty(await cluster.EventsAsync());
                    break;
                }
        }

        // Once the fault is over, passes finish the kill.
        cluster.Emulator.ClearFaults();
        await cluster.ReconcileAsync("flaky");
        cluster.Clock.AdvanceSeconds(2);
        Assert.Equal(JobPhase.Killed, (await cluster.ReconcileAsync("flaky")).Phase);
        Assert.All(cluster.AcceptedDeletesByUid().Values, count => Assert.Equal((1, 0), count));
    }

    private static async Task<Cluster> StartKilledAsync()
    {
        var cluster = Cluster.Start();
        cluster.SeedParallelJob("flaky", Nodes);
        await cluster.Kills.RequestKillAsync(Cluster.Ns, "flaky", KillRequest.Now, Cluster.Token);
        return cluster;
    }

    private static RequestMatch Match(string call) => call switch
    {
        "get job" => new RequestMatch(KubernetesVerb.Get, "jobs"),
        "list pods" => new RequestMatch(KubernetesVerb.List, "pods"),
        "write status" => new RequestMatch(KubernetesVerb.Update, "jobs") { Subresource = "status" },
        "delete pod" => new RequestMatch(KubernetesVerb.Delete, "pods"),
        "create event" => new RequestMatch(KubernetesVerb.Create, "events"),
        _ => throw new ArgumentOutOfRangeException(nameof(call), call, null),
    };

    private static EmulatorFault Fault(string fault) => fault switch
    {
        "429 with Retry-After" => EmulatorFault.TooManyRequests(retryAfterSeconds: 1),
        "500" => EmulatorFault.Status(500),
        "503" => EmulatorFault.Status(503),
        "delay" => EmulatorFault.Delay(TimeSpan.FromMilliseconds(20)),
        "dropped connection" => EmulatorFault.DropConnection(),
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
    };
}
