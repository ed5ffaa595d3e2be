using System.Net;
using Furiko.Sdk.Models;
using k8s;
using k8s.Models;
using static Furiko.Sdk.Testing.Tests.Emulator.TestObjects;

namespace Furiko.Sdk.Testing.Tests.Emulator;

public sealed class UpdateAndConflictTests
{
    private static CancellationToken Token => EmulatorEnvironment.Token;

    [Theory]
    [MemberData(nameof(EmulatorEnvironment.Transports), MemberType = typeof(EmulatorEnvironment))]
    public async Task A_replace_with_a_stale_resource_version_is_409_Conflict_and_changes_nothing(Transport transport)
    {
        await using var env = await EmulatorEnvironment.StartAsync(transport);
        var stale = await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token);
        var fresh = await env.Client.CoreV1.ReadNamespacedPodAsync("p1", Ns, cancellationToken: Token);
        fresh.Metadata.Labels = new Dictionary<string, string> { ["winner"] = "first" };
        await env.Client.CoreV1.ReplaceNamespacedPodAsync(fresh, "p1", Ns, cancellationToken: Token);
        stale.Metadata.Labels = new Dictionary<string, string> { ["winner"] = "second" };

        var status = await ExpectStatusAsync(HttpStatusCode.Conflict, () => env.Client.CoreV1.ReplaceNamespacedPodAsync(stale, "p1", Ns, cancellationToken: Token));

        Assert.Equal("Conflict", status.Reason);
        Assert.Equal("Operation cannot be fulfilled on pods \"p1\": the object has been modified; please apply your changes to the latest version and try again", status.Message);
        Assert.Equal("first", env.Emulator.Get<V1Pod>(Ns, "p1")!.Metadata.Labels["winner"]);
    }

    [Fact]
    public async Task A_replace_bumps_the_resource_version_and_keeps_server_owned_metadata()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var created = await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token);
        var changed = await env.Client.CoreV1.ReadNamespacedPodAsync("p1", Ns, cancellationToken: Token);
        changed.Metadata.Labels = new Dictionary<string, string> { ["a"] = "b" };
        changed.Metadata.CreationTimestamp = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        var replaced = await env.Client.CoreV1.ReplaceNamespacedPodAsync(changed, "p1", Ns, cancellationToken: Token);

        Assert.True(Rv(replaced.Metadata.ResourceVersion) > Rv(created.Metadata.ResourceVersion));
        Assert.Equal(created.Metadata.Uid, replaced.Metadata.Uid);
        Assert.Equal(created.Metadata.CreationTimestamp, replaced.Metadata.CreationTimestamp);
        Assert.Equal("b", replaced.Metadata.Labels["a"]);
    }

    [Fact]
    public async Task A_built_in_object_may_be_replaced_without_a_resource_version_but_a_custom_resource_may_not()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token);
        await Jobs(env.Client).CreateNamespacedAsync(Job("j1"), Ns, Token);
        var pod = Pod("p1");
        pod.Metadata.Labels = new Dictionary<string, string> { ["x"] = "y" };

        var replaced = await env.Client.CoreV1.ReplaceNamespacedPodAsync(pod, "p1", Ns, cancellationToken: Token);
        var status = await ExpectStatusAsync(HttpStatusCode.UnprocessableEntity, () => Jobs(env.Client).ReplaceNamespacedAsync(Job("j1"), Ns, "j1", Token));

        Assert.Equal("y", replaced.Metadata.Labels["x"]);
        Assert.Equal("jobs.execution.furiko.io \"j1\" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update", status.Message);
    }

    [Fact]
    public async Task A_replace_that_changes_nothing_keeps_the_resource_version()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var created = await Jobs(env.Client).CreateNamespacedAsync(Job("j1"), Ns, Token);
        var before = env.Emulator.CurrentResourceVersion;

        var replaced = await Jobs(env.Client).ReplaceNamespacedAsync(created, Ns, "j1", Token);

        Assert.Equal(created.Metadata.ResourceVersion, replaced.Metadata.ResourceVersion);
        Assert.Equal(before, env.Emulator.CurrentResourceVersion);
    }

    [Fact]
    public async Task Replacing_a_missing_object_is_404_and_a_name_that_differs_from_the_url_is_400()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token);

        await ExpectStatusAsync(HttpStatusCode.NotFound, () => env.Client.CoreV1.ReplaceNamespacedPodAsync(Pod("p2"), "p2", Ns, cancellationToken: Token));
        var status = await ExpectStatusAsync(HttpStatusCode.BadRequest, () => env.Client.CoreV1.ReplaceNamespacedPodAsync(Pod("p2"), "p1", Ns, cancellationToken: Token));

        Assert.Equal("the name of the object (p2) does not match the name on the URL (p1)", status.Message);
    }

    [Fact]
    public async Task A_pod_spec_is_immutable_apart_from_container_images()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token);
        var newImage = await env.Client.CoreV1.ReadNamespacedPodAsync("p1", Ns, cancellationToken: Token);
        newImage.Spec.Containers[0].Image = "busybox:2";
        var imageChanged = await env.Client.CoreV1.ReplaceNamespacedPodAsync(newImage, "p1", Ns, cancellationToken: Token);
        imageChanged.Spec.NodeName = "n1";

        var status = await ExpectStatusAsync(HttpStatusCode.UnprocessableEntity, () => env.Client.CoreV1.ReplaceNamespacedPodAsync(imageChanged, "p1", Ns, cancellationToken: Token));

        Assert.StartsWith("Pod \"p1\" is invalid: spec: Forbidden: pod updates may not change fields other than", status.Message, StringComparison.Ordinal);
        Assert.Equal("busybox:2", env.Emulator.Get<V1Pod>(Ns, "p1")!.Spec.Containers[0].Image);
    }

    [Fact]
    public async Task Generation_moves_on_spec_changes_but_not_on_metadata_or_status_changes()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var jobs = Jobs(env.Client);
        var job = await jobs.CreateNamespacedAsync(Job("j1"), Ns, Token);

        job.Metadata.Labels = new Dictionary<string, string> { ["a"] = "b" };
        job = await jobs.ReplaceNamespacedAsync(job, Ns, "j1", Token);
        var afterLabels = job.Metadata.Generation;
        job = await env.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<Job>(
            new V1Patch("{\"status\":{\"phase\":\"Running\"}}", V1Patch.PatchType.MergePatch), FurikoApi.Group, FurikoApi.Version, Ns, FurikoApi.JobPlural, "j1", cancellationToken: Token);
        var afterStatus = job.Metadata.Generation;
        job.Spec.TtlSecondsAfterFinished = 60;
        job = await jobs.ReplaceNamespacedAsync(job, Ns, "j1", Token);

        Assert.Equal((1L, 1L, 2L), (afterLabels!.Value, afterStatus!.Value, job.Metadata.Generation!.Value));
    }
}
