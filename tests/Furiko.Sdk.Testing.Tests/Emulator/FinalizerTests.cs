using System.Net;
using System.Text.Json;
using Furiko.Sdk.Models;
using k8s;
using k8s.Models;
using static Furiko.Sdk.Testing.Tests.Emulator.TestObjects;

namespace Furiko.Sdk.Testing.Tests.Emulator;

public sealed class FinalizerTests
{
    private static readonly DateTime T0 = EmulatorEnvironment.Start.ToDateTimeUtc();

    private static CancellationToken Token => EmulatorEnvironment.Token;

    private static Job FinalizedJob(EmulatorEnvironment env)
    {
        var job = Job("j1");
        job.Metadata.Finalizers = [FurikoFinalizers.DeleteDependents];
        return env.Emulator.AddJob(job);
    }

    [Fact]
    public async Task Deleting_a_job_without_finalizers_removes_it_and_answers_with_a_success_status()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var job = env.Emulator.AddJob(Job("j1"));

        var answer = (JsonElement)await env.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(FurikoApi.Group, FurikoApi.Version, Ns, FurikoApi.JobPlural, "j1", cancellationToken: Token);

        var status = KubernetesJson.Deserialize<V1Status>(answer.GetRawText());
        Assert.Equal(("Status", "Success"), (status.Kind, status.Status));
        Assert.Equal(("j1", "jobs", "execution.furiko.io", job.Metadata.Uid), (status.Details.Name, status.Details.Kind, status.Details.Group, status.Details.Uid));
        Assert.Null(env.Emulator.Get<Job>(Ns, "j1"));
    }

    [Fact]
    public async Task Deleting_a_job_with_the_furiko_finalizer_marks_it_deleting_and_keeps_it()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var job = FinalizedJob(env);

        await Jobs(env.Client).DeleteNamespacedAsync<Job>(Ns, "j1", Token);
        var deleting = env.Emulator.Get<Job>(Ns, "j1")!;
        env.Clock.AdvanceSeconds(5);
        await Jobs(env.Client).DeleteNamespacedAsync<Job>(Ns, "j1", Token);

        Assert.Equal(T0, deleting.Metadata.DeletionTimestamp);
        Assert.Equal(0, deleting.Metadata.DeletionGracePeriodSeconds);
        Assert.Equal(job.Metadata.Generation + 1, deleting.Metadata.Generation);
        Assert.Equal(deleting.Metadata.ResourceVersion, env.Emulator.Get<Job>(Ns, "j1")!.Metadata.ResourceVersion);
    }

    [Theory]
    [MemberData(nameof(EmulatorEnvironment.Transports), MemberType = typeof(EmulatorEnvironment))]
    public async Task Removing_the_last_finalizer_of_a_deleting_job_by_patch_removes_it(Transport transport)
    {
        await using var env = await EmulatorEnvironment.StartAsync(transport);
        FinalizedJob(env);
        await Jobs(env.Client).DeleteNamespacedAsync<Job>(Ns, "j1", Token);
        var from = env.Emulator.CurrentResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var watch = WatchRecorder<Job>.Start(ct => env.Client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync<object>(
            FurikoApi.Group, FurikoApi.Version, Ns, FurikoApi.JobPlural, watch: true, resourceVersion: from, cancellationToken: ct));

        await Jobs(env.Client).PatchNamespacedAsync<Job>(new V1Patch("[{\"op\":\"remove\",\"path\":\"/metadata/finalizers\"}]", V1Patch.PatchType.JsonPatch), Ns, "j1", Token);

        Assert.Equal(WatchEventType.Deleted, (await watch.NextAsync()).Type);
        Assert.Null(env.Emulator.Get<Job>(Ns, "j1"));
    }

    [Fact]
    public async Task Removing_the_last_finalizer_by_replace_removes_the_job_and_answers_with_it()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        FinalizedJob(env);
        await Jobs(env.Client).DeleteNamespacedAsync<Job>(Ns, "j1", Token);
        var job = await Jobs(env.Client).ReadNamespacedAsync<Job>(Ns, "j1", Token);
        job.Metadata.Finalizers = null;

        var answer = await Jobs(env.Client).ReplaceNamespacedAsync(job, Ns, "j1", Token);

        Assert.Equal("j1", answer.Metadata.Name);
        Assert.Null(env.Emulator.Get<Job>(Ns, "j1"));
    }

    [Fact]
    public async Task Removing_one_of_two_finalizers_keeps_the_job()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var job = Job("j1");
        job.Metadata.Finalizers = [FurikoFinalizers.DeleteDependents, "example.com/other"];
        env.Emulator.AddJob(job);
        await Jobs(env.Client).DeleteNamespacedAsync<Job>(Ns, "j1", Token);

        await Jobs(env.Client).PatchNamespacedAsync<Job>(new V1Patch("{\"metadata\":{\"finalizers\":[\"example.com/other\"]}}", V1Patch.PatchType.MergePatch), Ns, "j1", Token);

        Assert.Equal(["example.com/other"], env.Emulator.Get<Job>(Ns, "j1")!.Metadata.Finalizers);
    }

    [Fact]
    public async Task A_deleting_job_cannot_gain_a_new_finalizer()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        FinalizedJob(env);
        await Jobs(env.Client).DeleteNamespacedAsync<Job>(Ns, "j1", Token);

        var status = await ExpectStatusAsync(HttpStatusCode.UnprocessableEntity, () => Jobs(env.Client).PatchNamespacedAsync<Job>(
            new V1Patch("{\"metadata\":{\"finalizers\":[\"execution.furiko.io/delete-dependents-finalizer\",\"example.com/late\"]}}", V1Patch.PatchType.MergePatch), Ns, "j1", Token));

        Assert.Contains("no new finalizers can be added if the object is being deleted", status.Message, StringComparison.Ordinal);
        Assert.Equal([FurikoFinalizers.DeleteDependents], env.Emulator.Get<Job>(Ns, "j1")!.Metadata.Finalizers);
    }

    [Theory]
    [InlineData("Foreground")]
    [InlineData("Background")]
    [InlineData("Orphan")]
    public async Task Every_propagation_policy_is_accepted(string policy)
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        env.Emulator.AddJob(Job("j1"));

        await env.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(FurikoApi.Group, FurikoApi.Version, Ns, FurikoApi.JobPlural, "j1", propagationPolicy: policy, cancellationToken: Token);

        Assert.Null(env.Emulator.Get<Job>(Ns, "j1"));
    }

    [Fact]
    public async Task An_unknown_propagation_policy_is_422()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        env.Emulator.AddJob(Job("j1"));

        await ExpectStatusAsync(HttpStatusCode.UnprocessableEntity, () => env.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(
            FurikoApi.Group, FurikoApi.Version, Ns, FurikoApi.JobPlural, "j1", propagationPolicy: "Sideways", cancellationToken: Token));

        Assert.NotNull(env.Emulator.Get<Job>(Ns, "j1"));
    }

    [Fact]
    public async Task A_job_uid_precondition_mismatch_is_409_naming_the_kind()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var job = env.Emulator.AddJob(Job("j1"));

        var status = await ExpectStatusAsync(HttpStatusCode.Conflict, () => env.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(
            FurikoApi.Group, FurikoApi.Version, Ns, FurikoApi.JobPlural, "j1", new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = "other" } }, cancellationToken: Token));

        Assert.Equal($"Operation cannot be fulfilled on Job.execution.furiko.io \"j1\": the UID in the precondition (other) does not match the UID in record ({job.Metadata.Uid}). The object might have been deleted and then recreated", status.Message);
        Assert.NotNull(env.Emulator.Get<Job>(Ns, "j1"));
    }
}
