using System.Net;
using Furiko.Sdk.Testing.Emulator;
using k8s;
using k8s.Models;
using NodaTime;
using static Furiko.Sdk.Testing.Tests.Emulator.TestObjects;

namespace Furiko.Sdk.Testing.Tests.Emulator;

/// <summary>Every row of the Pod deletion table in DESIGN.md, through real KubernetesClient calls.</summary>
public sealed class PodDeletionTests
{
    private static readonly DateTime T0 = EmulatorEnvironment.Start.ToDateTimeUtc();

    private static CancellationToken Token => EmulatorEnvironment.Token;

    private static Task<V1Pod> DeleteAsync(EmulatorEnvironment env, string name, int? gracePeriodSeconds = null) =>
        env.Client.CoreV1.DeleteNamespacedPodAsync(name, Ns, gracePeriodSeconds: gracePeriodSeconds, cancellationToken: Token);

    [Fact]
    public async Task An_unscheduled_pod_is_removed_at_once()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token);

        var answer = await DeleteAsync(env, "p1", gracePeriodSeconds: 30);

        Assert.Equal("p1", answer.Metadata.Name);
        Assert.Null(env.Emulator.Get<V1Pod>(Ns, "p1"));
        await ExpectStatusAsync(HttpStatusCode.NotFound, () => env.Client.CoreV1.ReadNamespacedPodAsync("p1", Ns, cancellationToken: Token));
    }

    [Theory]
    [InlineData("Succeeded")]
    [InlineData("Failed")]
    public async Task A_finished_pod_is_removed_at_once(string phase)
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        env.Emulator.AddRunningPod(Ns, "p1", "node-a");
        await env.Client.CoreV1.PatchNamespacedPodStatusAsync(new V1Patch($"{{\"status\":{{\"phase\":\"{phase}\"}}}}", V1Patch.PatchType.MergePatch), "p1", Ns, cancellationToken: Token);

        await DeleteAsync(env, "p1");

        Assert.Null(env.Emulator.Get<V1Pod>(Ns, "p1"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_zero_grace_period_removes_a_running_pod_at_once_even_on_a_down_node(bool nodeDown)
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        env.Emulator.AddRunningPod(Ns, "p1", "node-a");
        if (nodeDown)
        {
            env.Emulator.MarkNodeDown("node-a");
        }

        await DeleteAsync(env, "p1", gracePeriodSeconds: 0);

        Assert.Null(env.Emulator.Get<V1Pod>(Ns, "p1"));
    }

    [Fact]
    public async Task A_zero_grace_period_in_the_delete_options_body_is_a_force_deletion_too()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        env.Emulator.AddRunningPod(Ns, "p1", "node-a");

        await env.Client.CoreV1.DeleteNamespacedPodAsync("p1", Ns, new V1DeleteOptions { GracePeriodSeconds = 0 }, cancellationToken: Token);

        Assert.Null(env.Emulator.Get<V1Pod>(Ns, "p1"));
    }

    [Theory]
    [InlineData(10, null, 10)]
    [InlineData(null, 45L, 45)]
    [InlineData(null, null, 30)]
    [InlineData(5, 45L, 5)]
    public async Task A_graceful_deletion_sets_the_deadline_from_the_request_else_the_pod_else_30_seconds(int? requested, long? podGrace, int expected)
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var pod = Pod("p1", nodeName: "node-a");
        pod.Spec.TerminationGracePeriodSeconds = podGrace;
        var running = env.Emulator.AddRunningPod(pod);

        var answer = await DeleteAsync(env, "p1", requested);

        Assert.Equal(T0.AddSeconds(expected), answer.Metadata.DeletionTimestamp);
        Assert.Equal(expected, answer.Metadata.DeletionGracePeriodSeconds);
        Assert.Equal(running.Metadata.Generation + 1, answer.Metadata.Generation);
        var stored = env.Emulator.Get<V1Pod>(Ns, "p1")!;
        Assert.Equal(answer.Metadata.DeletionTimestamp, stored.Metadata.DeletionTimestamp);
        Assert.Equal("Running", stored.Status.Phase);
    }

    [Fact]
    public async Task On_a_healthy_node_the_kubelet_stops_the_containers_after_its_delay_and_then_removes_the_pod()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        env.Emulator.AddRunningPod(Ns, "p1", "node-a");
        var from = env.Emulator.CurrentResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var watch = WatchRecorder<V1Pod>.Start(ct => env.Client.CoreV1.ListNamespacedPodWithHttpMessagesAsync(Ns, watch: true, resourceVersion: from, cancellationToken: ct));
        await DeleteAsync(env, "p1");
        Assert.Equal(WatchEventType.Modified, (await watch.NextAsync()).Type);

        env.Clock.Advance(Duration.FromMilliseconds(999));
        Assert.Equal(0, env.Emulator.ProcessDueWork());
        env.Clock.Advance(Duration.FromMilliseconds(1));
        Assert.Equal(1, env.Emulator.ProcessDueWork());

        var stopped = await watch.NextAsync();
        var removed = await watch.NextAsync();
        Assert.Equal(WatchEventType.Modified, stopped.Type);
        Assert.Equal("Failed", stopped.Object.Status.Phase);
        var terminated = Assert.Single(stopped.Object.Status.ContainerStatuses).State.Terminated;
        Assert.Equal((143, "Error"), (terminated.ExitCode, terminated.Reason));
        Assert.Equal(T0.AddSeconds(1), terminated.FinishedAt);
        Assert.Equal(T0, terminated.StartedAt);
        Assert.Equal(WatchEventType.Deleted, removed.Type);
        Assert.Null(env.Emulator.Get<V1Pod>(Ns, "p1"));
    }

    [Fact]
    public async Task The_kubelet_delay_and_exit_code_are_configurable()
    {
        await using var env = await EmulatorEnvironment.StartAsync(Transport.InProcess,
            new KubernetesEmulatorOptions { KubeletStopDelay = Duration.FromSeconds(5), ContainerExitCode = 0 });
        env.Emulator.AddRunningPod(Ns, "p1", "node-a");
        var from = env.Emulator.CurrentResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await DeleteAsync(env, "p1");

        env.Clock.Advance(Duration.FromSeconds(4));
        Assert.NotNull(await env.Client.CoreV1.ReadNamespacedPodAsync("p1", Ns, cancellationToken: Token));
        env.Clock.Advance(Duration.FromSeconds(1));
        await ExpectStatusAsync(HttpStatusCode.NotFound, () => env.Client.CoreV1.ReadNamespacedPodAsync("p1", Ns, cancellationToken: Token));

        await using var watch = WatchRecorder<V1Pod>.Start(ct => env.Client.CoreV1.ListNamespacedPodWithHttpMessagesAsync(Ns, watch: true, resourceVersion: from, cancellationToken: ct));
        await watch.NextAsync();
        var stopped = (await watch.NextAsync()).Object;
        Assert.Equal("Succeeded", stopped.Status.Phase);
        Assert.Equal((0, "Completed"), (stopped.Status.ContainerStatuses[0].State.Terminated.ExitCode, stopped.Status.ContainerStatuses[0].State.Terminated.Reason));
    }

    [Fact]
    public async Task The_kubelet_never_acts_after_the_deadline()
    {
        await using var env = await EmulatorEnvironment.StartAsync(Transport.InProcess, new KubernetesEmulatorOptions { KubeletStopDelay = Duration.FromMinutes(10) });
        env.Emulator.AddRunningPod(Ns, "p1", "node-a");
        await DeleteAsync(env, "p1", gracePeriodSeconds: 2);

        env.Clock.Advance(Duration.FromSeconds(1));
        Assert.Equal(0, env.Emulator.ProcessDueWork());
        env.Clock.Advance(Duration.FromSeconds(1));
        Assert.Equal(1, env.Emulator.ProcessDueWork());
        Assert.Null(env.Emulator.Get<V1Pod>(Ns, "p1"));
    }

    [Fact]
    public async Task On_a_node_marked_down_the_pod_stays_terminating_until_a_force_deletion()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        env.Emulator.AddRunningPod(Ns, "p1", "node-a");
        env.Emulator.MarkNodeDown("node-a");
        await DeleteAsync(env, "p1");

        env.Clock.Advance(Duration.FromHours(1));
        Assert.Equal(0, env.Emulator.ProcessDueWork());
        var stuck = await env.Client.CoreV1.ReadNamespacedPodAsync("p1", Ns, cancellationToken: Token);
        Assert.Equal(T0.AddSeconds(30), stuck.Metadata.DeletionTimestamp);
        Assert.Equal("Running", stuck.Status.Phase);

        await DeleteAsync(env, "p1", gracePeriodSeconds: 0);
        Assert.Null(env.Emulator.Get<V1Pod>(Ns, "p1"));
    }

    [Fact]
    public async Task A_node_marked_down_shows_it_and_its_waiting_pods_finish_when_it_comes_back()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        env.Emulator.AddRunningPod(Ns, "p1", "node-a");
        env.Emulator.MarkNodeDown("node-a");
        var down = await env.Client.CoreV1.ReadNodeAsync("node-a", cancellationToken: Token);
        await DeleteAsync(env, "p1");
        env.Clock.Advance(Duration.FromMinutes(5));
        Assert.Equal(0, env.Emulator.ProcessDueWork());

        env.Emulator.MarkNodeUp("node-a");
        var up = await env.Client.CoreV1.ReadNodeAsync("node-a", cancellationToken: Token);

        Assert.Equal("Unknown", down.Status.Conditions.Single(c => c.Type == "Ready").Status);
        Assert.Contains(down.Spec.Taints, t => t.Key == "node.kubernetes.io/unreachable" && t.Effect == "NoExecute");
        Assert.Equal("True", up.Status.Conditions.Single(c => c.Type == "Ready").Status);
        Assert.Null(up.Spec.Taints);
        Assert.Null(env.Emulator.Get<V1Pod>(Ns, "p1"));
    }

    [Fact]
    public async Task A_pod_on_a_node_that_does_not_exist_stays_terminating()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1", nodeName: "ghost"), Ns, cancellationToken: Token);
        await DeleteAsync(env, "p1");

        env.Clock.Advance(Duration.FromHours(1));

        Assert.Equal(0, env.Emulator.ProcessDueWork());
        Assert.NotNull(env.Emulator.Get<V1Pod>(Ns, "p1")!.Metadata.DeletionTimestamp);
    }

    [Fact]
    public async Task Deleting_a_terminating_pod_again_with_a_shorter_grace_period_brings_the_deadline_forward_and_nothing_else_changes_it()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        env.Emulator.AddRunningPod(Ns, "p1", "node-a");
        env.Emulator.MarkNodeDown("node-a");
        await DeleteAsync(env, "p1", gracePeriodSeconds: 30);
        env.Clock.Advance(Duration.FromSeconds(2));

        var shortened = await DeleteAsync(env, "p1", gracePeriodSeconds: 10);
        var longer = await DeleteAsync(env, "p1", gracePeriodSeconds: 20);
        var unspecified = await DeleteAsync(env, "p1");

        // The new deadline counts from the first request, as the API server computes it.
        Assert.Equal(T0.AddSeconds(10), shortened.Metadata.DeletionTimestamp);
        Assert.Equal(10, shortened.Metadata.DeletionGracePeriodSeconds);
        Assert.Equal(shortened.Metadata.ResourceVersion, longer.Metadata.ResourceVersion);
        Assert.Equal(shortened.Metadata.ResourceVersion, unspecified.Metadata.ResourceVersion);
        Assert.Equal(T0.AddSeconds(10), env.Emulator.Get<V1Pod>(Ns, "p1")!.Metadata.DeletionTimestamp);
    }

    [Fact]
    public async Task A_uid_precondition_that_does_not_match_is_409_and_changes_nothing()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var pod = env.Emulator.AddRunningPod(Ns, "p1", "node-a");

        var status = await ExpectStatusAsync(HttpStatusCode.Conflict, () => env.Client.CoreV1.DeleteNamespacedPodAsync("p1", Ns,
            new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = "00000000-0000-0000-0000-000000000000" }, GracePeriodSeconds = 0 }, cancellationToken: Token));

        Assert.Equal("Conflict", status.Reason);
        Assert.Equal($"Operation cannot be fulfilled on Pod \"p1\": the UID in the precondition (00000000-0000-0000-0000-000000000000) does not match the UID in record ({pod.Metadata.Uid}). The object might have been deleted and then recreated", status.Message);
        var after = env.Emulator.Get<V1Pod>(Ns, "p1")!;
        Assert.Equal(pod.Metadata.ResourceVersion, after.Metadata.ResourceVersion);
        Assert.Null(after.Metadata.DeletionTimestamp);
    }

    [Fact]
    public async Task A_resource_version_precondition_that_does_not_match_is_409_and_matching_preconditions_delete()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var pod = env.Emulator.AddRunningPod(Ns, "p1", "node-a");

        var status = await ExpectStatusAsync(HttpStatusCode.Conflict, () => env.Client.CoreV1.DeleteNamespacedPodAsync("p1", Ns,
            new V1DeleteOptions { Preconditions = new V1Preconditions { ResourceVersion = "1" } }, cancellationToken: Token));
        Assert.Null(env.Emulator.Get<V1Pod>(Ns, "p1")!.Metadata.DeletionTimestamp);
        var deleted = await env.Client.CoreV1.DeleteNamespacedPodAsync("p1", Ns,
            new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = pod.Metadata.Uid, ResourceVersion = pod.Metadata.ResourceVersion } }, cancellationToken: Token);

        Assert.StartsWith("Operation cannot be fulfilled on Pod \"p1\": the ResourceVersion in the precondition (1) does not match", status.Message, StringComparison.Ordinal);
        Assert.NotNull(deleted.Metadata.DeletionTimestamp);
    }

    [Fact]
    public async Task Deleting_a_missing_pod_is_404()
    {
        await using var env = await EmulatorEnvironment.StartAsync();

        var status = await ExpectStatusAsync(HttpStatusCode.NotFound, () => DeleteAsync(env, "gone"));

        Assert.Equal("pods \"gone\" not found", status.Message);
    }

    [Fact]
    public async Task A_pod_with_finalizers_is_stopped_by_its_kubelet_but_kept_until_the_finalizers_are_removed()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var pod = Pod("p1", nodeName: "node-a");
        pod.Metadata.Finalizers = ["example.com/keep"];
        env.Emulator.AddRunningPod(pod);
        await DeleteAsync(env, "p1", gracePeriodSeconds: 10);

        env.Clock.Advance(Duration.FromSeconds(1));
        env.Emulator.ProcessDueWork();
        var held = env.Emulator.Get<V1Pod>(Ns, "p1")!;
        await env.Client.CoreV1.PatchNamespacedPodAsync(new V1Patch("{\"metadata\":{\"finalizers\":null}}", V1Patch.PatchType.MergePatch), "p1", Ns, cancellationToken: Token);

        Assert.Equal("Failed", held.Status.Phase);
        Assert.Equal(0, held.Metadata.DeletionGracePeriodSeconds);
        Assert.Equal(T0, held.Metadata.DeletionTimestamp);
        Assert.Null(env.Emulator.Get<V1Pod>(Ns, "p1"));
    }

    [Fact]
    public async Task A_force_deleted_pod_with_finalizers_waits_for_them()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var pod = Pod("p1", nodeName: "node-a");
        pod.Metadata.Finalizers = ["example.com/keep"];
        env.Emulator.AddRunningPod(pod);
        env.Emulator.MarkNodeDown("node-a");

        var answer = await DeleteAsync(env, "p1", gracePeriodSeconds: 0);
        var held = await env.Client.CoreV1.ReadNamespacedPodAsync("p1", Ns, cancellationToken: Token);
        held.Metadata.Finalizers = [];
        await env.Client.CoreV1.ReplaceNamespacedPodAsync(held, "p1", Ns, cancellationToken: Token);

        Assert.Equal((T0, 0L), (answer.Metadata.DeletionTimestamp!.Value, answer.Metadata.DeletionGracePeriodSeconds!.Value));
        Assert.Null(env.Emulator.Get<V1Pod>(Ns, "p1"));
    }

    [Theory]
    [MemberData(nameof(EmulatorEnvironment.Transports), MemberType = typeof(EmulatorEnvironment))]
    public async Task Time_driven_work_runs_at_the_start_of_every_request(Transport transport)
    {
        await using var env = await EmulatorEnvironment.StartAsync(transport);
        env.Emulator.AddRunningPod(Ns, "p1", "node-a");
        await DeleteAsync(env, "p1");
        env.Clock.Advance(Duration.FromSeconds(1));

        var list = await env.Client.CoreV1.ListNamespacedPodAsync(Ns, cancellationToken: Token);

        Assert.Empty(list.Items);
    }
}
