using System.Net;
using System.Text.Json.Nodes;
using Furiko.Sdk.Models;
using Furiko.Sdk.Testing.Emulator;
using k8s;
using k8s.Models;
using static Furiko.Sdk.Testing.Tests.Emulator.TestObjects;

namespace Furiko.Sdk.Testing.Tests.Emulator;

public sealed class PatchTests
{
    private static CancellationToken Token => EmulatorEnvironment.Token;

    [Fact]
    public async Task A_merge_patch_merges_objects_replaces_lists_and_deletes_keys_set_to_null()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var pod = Pod("p1", new Dictionary<string, string> { ["keep"] = "1", ["drop"] = "2" });
        pod.Metadata.Finalizers = ["a", "b"];
        await env.Client.CoreV1.CreateNamespacedPodAsync(pod, Ns, cancellationToken: Token);

        var patched = await env.Client.CoreV1.PatchNamespacedPodAsync(
            new V1Patch("{\"metadata\":{\"labels\":{\"drop\":null,\"new\":\"3\"},\"finalizers\":[\"c\"]}}", V1Patch.PatchType.MergePatch), "p1", Ns, cancellationToken: Token);

        Assert.Equal(new Dictionary<string, string> { ["keep"] = "1", ["new"] = "3" }, patched.Metadata.Labels);
        Assert.Equal(["c"], patched.Metadata.Finalizers);
    }

    [Fact]
    public async Task A_merge_patch_can_clear_a_field_with_an_explicit_null()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var job = Job("j1");
        job.Spec.KillTimestamp = NodaTime.Instant.FromUtc(2024, 5, 1, 13, 0);
        env.Emulator.AddJob(job);

        var patched = await Jobs(env.Client).PatchNamespacedAsync<Job>(
            new V1Patch(new JsonObject { ["spec"] = new JsonObject { ["killTimestamp"] = null } }.ToJsonString(), V1Patch.PatchType.MergePatch), Ns, "j1", Token);

        Assert.Null(patched.Spec.KillTimestamp);
        Assert.Null(env.Emulator.GetJson(EmulatedResource.FurikoJobs, Ns, "j1")!["spec"]!["killTimestamp"]);
    }

    [Fact]
    public async Task A_json_patch_applies_add_replace_remove_and_test_operations()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var pod = Pod("p1", new Dictionary<string, string> { ["a"] = "1" });
        pod.Metadata.Finalizers = ["x", "y"];
        await env.Client.CoreV1.CreateNamespacedPodAsync(pod, Ns, cancellationToken: Token);
        const string patch = """
            [{"op":"test","path":"/metadata/labels/a","value":"1"},
             {"op":"replace","path":"/metadata/labels/a","value":"2"},
             {"op":"add","path":"/metadata/labels/b~1c","value":"3"},
             {"op":"remove","path":"/metadata/finalizers/0"},
             {"op":"add","path":"/metadata/finalizers/-","value":"z"}]
            """;

        var patched = await env.Client.CoreV1.PatchNamespacedPodAsync(new V1Patch(patch, V1Patch.PatchType.JsonPatch), "p1", Ns, cancellationToken: Token);

        Assert.Equal(new Dictionary<string, string> { ["a"] = "2", ["b/c"] = "3" }, patched.Metadata.Labels);
        Assert.Equal(["y", "z"], patched.Metadata.Finalizers);
    }

    [Fact]
    public async Task A_failing_json_patch_test_is_422_and_a_malformed_one_is_400()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token);

        var failedTest = await ExpectStatusAsync(HttpStatusCode.UnprocessableEntity, () => env.Client.CoreV1.PatchNamespacedPodAsync(
            new V1Patch("[{\"op\":\"test\",\"path\":\"/metadata/name\",\"value\":\"other\"}]", V1Patch.PatchType.JsonPatch), "p1", Ns, cancellationToken: Token));
        await ExpectStatusAsync(HttpStatusCode.BadRequest, () => env.Client.CoreV1.PatchNamespacedPodAsync(
            new V1Patch("{\"op\":\"add\"}", V1Patch.PatchType.JsonPatch), "p1", Ns, cancellationToken: Token));

        Assert.Equal("testing value /metadata/name failed: test failed", failedTest.Message);
    }

    [Fact]
    public async Task A_strategic_merge_patch_is_applied_as_a_merge_patch()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1", new Dictionary<string, string> { ["a"] = "1" }), Ns, cancellationToken: Token);

        var patched = await env.Client.CoreV1.PatchNamespacedPodAsync(
            new V1Patch("{\"metadata\":{\"labels\":{\"b\":\"2\"}}}", V1Patch.PatchType.StrategicMergePatch), "p1", Ns, cancellationToken: Token);

        Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }, patched.Metadata.Labels);
    }

    [Fact]
    public async Task A_patch_carrying_a_stale_resource_version_is_409_and_one_carrying_the_current_one_applies()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var created = await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token);
        await env.Client.CoreV1.PatchNamespacedPodAsync(new V1Patch("{\"metadata\":{\"labels\":{\"a\":\"1\"}}}", V1Patch.PatchType.MergePatch), "p1", Ns, cancellationToken: Token);
        var current = env.Emulator.Get<V1Pod>(Ns, "p1")!.Metadata.ResourceVersion;

        var status = await ExpectStatusAsync(HttpStatusCode.Conflict, () => env.Client.CoreV1.PatchNamespacedPodAsync(
            new V1Patch($"{{\"metadata\":{{\"resourceVersion\":\"{created.Metadata.ResourceVersion}\",\"labels\":{{\"a\":\"2\"}}}}}}", V1Patch.PatchType.MergePatch), "p1", Ns, cancellationToken: Token));
        var applied = await env.Client.CoreV1.PatchNamespacedPodAsync(
            new V1Patch($"{{\"metadata\":{{\"resourceVersion\":\"{current}\",\"labels\":{{\"a\":\"3\"}}}}}}", V1Patch.PatchType.MergePatch), "p1", Ns, cancellationToken: Token);

        Assert.Equal("Conflict", status.Reason);
        Assert.Equal("3", applied.Metadata.Labels["a"]);
    }

    [Fact]
    public async Task Patching_a_missing_object_is_404_and_server_side_apply_is_415()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token);

        await ExpectStatusAsync(HttpStatusCode.NotFound, () => env.Client.CoreV1.PatchNamespacedPodAsync(
            new V1Patch("{}", V1Patch.PatchType.MergePatch), "nope", Ns, cancellationToken: Token));
        var apply = await ExpectStatusAsync(HttpStatusCode.UnsupportedMediaType, () => env.Client.CoreV1.PatchNamespacedPodAsync(
            new V1Patch("{}", V1Patch.PatchType.ApplyPatch), "p1", Ns, fieldManager: "test", cancellationToken: Token));

        Assert.Equal("UnsupportedMediaType", apply.Reason);
    }
}
