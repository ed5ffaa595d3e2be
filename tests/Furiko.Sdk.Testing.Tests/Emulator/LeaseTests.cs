using System.Net;
using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using k8s.Models;
using static Furiko.Sdk.Testing.Tests.Emulator.TestObjects;

namespace Furiko.Sdk.Testing.Tests.Emulator;

public sealed class LeaseTests
{
    private static CancellationToken Token => EmulatorEnvironment.Token;

    [Fact]
    public async Task KubernetesClient_leader_election_takes_a_lease_in_the_emulator()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var leaseLock = new LeaseLock(env.Client, Ns, "furiko-controller", "replica-1");
        using var elector = new LeaderElector(new LeaderElectionConfig(leaseLock)
        {
            LeaseDuration = TimeSpan.FromSeconds(2),
            RenewDeadline = TimeSpan.FromSeconds(1),
            RetryPeriod = TimeSpan.FromMilliseconds(100),
        });
        var leading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        elector.OnStartedLeading += () => leading.TrySetResult();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);

        var run = elector.RunUntilLeadershipLostAsync(stop.Token);
        await leading.Task.WaitAsync(TimeSpan.FromSeconds(10), Token);
        await stop.CancelAsync();
        try
        {
            await run.WaitAsync(TimeSpan.FromSeconds(10), Token);
        }
        catch (OperationCanceledException)
        {
            // Either way the elector has stopped.
        }

        var lease = env.Emulator.Get<V1Lease>(Ns, "furiko-controller")!;
        Assert.Equal("replica-1", lease.Spec.HolderIdentity);
    }

    [Fact]
    public async Task A_lease_replace_with_a_stale_resource_version_is_409()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var lease = await env.Client.CoordinationV1.CreateNamespacedLeaseAsync(
            new V1Lease { Metadata = new V1ObjectMeta { Name = "l1" }, Spec = new V1LeaseSpec { HolderIdentity = "a" } }, Ns, cancellationToken: Token);
        lease.Spec.HolderIdentity = "b";
        await env.Client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, "l1", Ns, cancellationToken: Token);
        lease.Spec.HolderIdentity = "c";

        var status = await ExpectStatusAsync(HttpStatusCode.Conflict, () => env.Client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, "l1", Ns, cancellationToken: Token));

        Assert.Equal("Operation cannot be fulfilled on leases.coordination.k8s.io \"l1\": the object has been modified; please apply your changes to the latest version and try again", status.Message);
        Assert.Equal("b", env.Emulator.Get<V1Lease>(Ns, "l1")!.Spec.HolderIdentity);
    }
}
