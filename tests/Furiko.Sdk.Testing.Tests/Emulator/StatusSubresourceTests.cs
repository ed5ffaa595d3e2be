using Furiko.Sdk.Models;
using k8s;
using k8s.Models;
using static Furiko.Sdk.Testing.Tests.Emulator.TestObjects;

namespace Furiko.Sdk.Testing.Tests.Emulator;

public sealed class StatusSubresourceTests
{
    private static CancellationToken Token => EmulatorEnvironment.Token;

    [Fact]
    public async Task A_replace_of_the_main_resource_ignores_status_changes()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var seeded = Job("j1");
        seeded.Status = new JobStatus { Phase = JobPhase.Running };
        var job = env.Emulator.AddJob(seeded);
        job.Status!.Phase = JobPhase.Succeeded;
        job.Spec.TtlSecondsAfterFinished = 30;

        var replaced = await Jobs(env.Client).ReplaceNamespacedAsync(job, Ns, "j1", Token);

        Assert.Equal(JobPhase.Running, replaced.Status!.Phase);
        Assert.Equal(30, replaced.Spec.TtlSecondsAfterFinished);
    }

    [Fact]
    public async Task A_replace_of_status_ignores_spec_and_metadata_changes()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var job = await Jobs(env.Client).CreateNamespacedAsync(Job("j1"), Ns, Token);
        job.Status = new JobStatus { Phase = JobPhase.Killing };
        job.Spec.TtlSecondsAfterFinished = 99;
        job.Metadata.Labels = new Dictionary<string, string> { ["sneaky"] = "yes" };

        var replaced = await env.Client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync<Job>(
            job, FurikoApi.Group, FurikoApi.Version, Ns, FurikoApi.JobPlural, "j1", cancellationToken: Token);

        Assert.Equal(JobPhase.Killing, replaced.Status!.Phase);
        Assert.Null(replaced.Spec.TtlSecondsAfterFinished);
        Assert.Null(replaced.Metadata.Labels);
        Assert.Equal(1, replaced.Metadata.Generation);
    }

    [Fact]
    public async Task A_merge_patch_of_the_main_resource_ignores_status_and_one_of_status_ignores_spec()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        await Jobs(env.Client).CreateNamespacedAsync(Job("j1"), Ns, Token);
        var both = new V1Patch("{\"spec\":{\"ttlSecondsAfterFinished\":5},\"status\":{\"phase\":\"Running\"}}", V1Patch.PatchType.MergePatch);

        var main = await Jobs(env.Client).PatchNamespacedAsync<Job>(both, Ns, "j1", Token);
        var status = await env.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<Job>(
            new V1Patch("{\"spec\":{\"ttlSecondsAfterFinished\":7},\"status\":{\"phase\":\"Running\"}}", V1Patch.PatchType.MergePatch),
            FurikoApi.Group, FurikoApi.Version, Ns, FurikoApi.JobPlural, "j1", cancellationToken: Token);

        Assert.Null(main.Status);
        Assert.Equal(5, main.Spec.TtlSecondsAfterFinished);
        Assert.Equal(JobPhase.Running, status.Status!.Phase);
        Assert.Equal(5, status.Spec.TtlSecondsAfterFinished);
    }

    [Fact]
    public async Task Pod_status_is_written_through_the_status_subresource()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1", nodeName: "n1"), Ns, cancellationToken: Token);
        var pod = await env.Client.CoreV1.ReadNamespacedPodAsync("p1", Ns, cancellationToken: Token);
        pod.Status.Phase = "Running";

        var ignored = await env.Client.CoreV1.ReplaceNamespacedPodAsync(pod, "p1", Ns, cancellationToken: Token);
        var written = await env.Client.CoreV1.ReplaceNamespacedPodStatusAsync(pod, "p1", Ns, cancellationToken: Token);

        Assert.Equal("Pending", ignored.Status.Phase);
        Assert.Equal("Running", written.Status.Phase);
        Assert.Equal("Running", env.Emulator.Get<V1Pod>(Ns, "p1")!.Status.Phase);
    }

    [Fact]
    public async Task A_resource_without_a_status_subresource_has_no_status_path()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        env.Emulator.Add(new V1Lease { Metadata = new V1ObjectMeta { Name = "l1", NamespaceProperty = Ns } });

        await ExpectStatusAsync(System.Net.HttpStatusCode.NotFound, () => env.Client.CustomObjects.GetNamespacedCustomObjectStatusAsync(
            "coordination.k8s.io", "v1", Ns, "leases", "l1", cancellationToken: Token));
    }
}
