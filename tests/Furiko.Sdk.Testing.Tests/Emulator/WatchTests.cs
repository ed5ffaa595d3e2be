using System.Globalization;
using System.Net;
using Furiko.Sdk.Models;
using Furiko.Sdk.Testing.Emulator;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;
using static Furiko.Sdk.Testing.Tests.Emulator.TestObjects;

namespace Furiko.Sdk.Testing.Tests.Emulator;

public sealed class WatchTests
{
    private static CancellationToken Token => EmulatorEnvironment.Token;

    private static string Now(EmulatorEnvironment env) => env.Emulator.CurrentResourceVersion.ToString(CultureInfo.InvariantCulture);

    private static WatchRecorder<V1Pod> WatchPods(EmulatorEnvironment env, string? resourceVersion, string? labelSelector = null, string? fieldSelector = null) =>
        WatchRecorder<V1Pod>.Start(ct => env.Client.CoreV1.ListNamespacedPodWithHttpMessagesAsync(
            Ns, watch: true, resourceVersion: resourceVersion, labelSelector: labelSelector, fieldSelector: fieldSelector, cancellationToken: ct));

    [Theory]
    [MemberData(nameof(EmulatorEnvironment.Transports), MemberType = typeof(EmulatorEnvironment))]
    public async Task A_watch_streams_added_modified_and_deleted_events_as_they_happen(Transport transport)
    {
        await using var env = await EmulatorEnvironment.StartAsync(transport);
        await using var watch = WatchPods(env, Now(env));

        var created = await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token);
        var added = await watch.NextAsync();
        var patched = await env.Client.CoreV1.PatchNamespacedPodAsync(new V1Patch("{\"metadata\":{\"labels\":{\"a\":\"b\"}}}", V1Patch.PatchType.MergePatch), "p1", Ns, cancellationToken: Token);
        var modified = await watch.NextAsync();
        await env.Client.CoreV1.DeleteNamespacedPodAsync("p1", Ns, cancellationToken: Token);
        var deleted = await watch.NextAsync();

        Assert.Equal((WatchEventType.Added, created.Metadata.ResourceVersion), (added.Type, added.Object.Metadata.ResourceVersion));
        Assert.Equal((WatchEventType.Modified, patched.Metadata.ResourceVersion), (modified.Type, modified.Object.Metadata.ResourceVersion));
        Assert.Equal("b", modified.Object.Metadata.Labels["a"]);
        Assert.Equal(WatchEventType.Deleted, deleted.Type);
        Assert.True(Rv(deleted.Object.Metadata.ResourceVersion) > Rv(patched.Metadata.ResourceVersion));
        Assert.Empty(watch.Errors);
    }

    [Fact]
    public async Task A_watch_without_a_resource_version_starts_with_every_current_object_as_added()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token);
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p2"), Ns, cancellationToken: Token);
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("other", ns: "other"), "other", cancellationToken: Token);

        await using var watch = WatchPods(env, resourceVersion: null);

        Assert.Equal((WatchEventType.Added, "p1"), (await watch.NextAsync() is var a ? (a.Type, a.Object.Metadata.Name) : default));
        Assert.Equal((WatchEventType.Added, "p2"), (await watch.NextAsync() is var b ? (b.Type, b.Object.Metadata.Name) : default));
    }

    [Fact]
    public async Task A_watch_from_a_listed_resource_version_replays_only_the_later_changes()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token);
        var list = await env.Client.CoreV1.ListNamespacedPodAsync(Ns, cancellationToken: Token);
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p2"), Ns, cancellationToken: Token);
        await env.Client.CoreV1.PatchNamespacedPodAsync(new V1Patch("{\"metadata\":{\"labels\":{\"a\":\"b\"}}}", V1Patch.PatchType.MergePatch), "p1", Ns, cancellationToken: Token);

        await using var watch = WatchPods(env, list.Metadata.ResourceVersion);
        var first = await watch.NextAsync();
        var second = await watch.NextAsync();

        Assert.Equal((WatchEventType.Added, "p2"), (first.Type, first.Object.Metadata.Name));
        Assert.Equal((WatchEventType.Modified, "p1"), (second.Type, second.Object.Metadata.Name));
    }

    [Fact]
    public async Task A_filtered_watch_sees_objects_entering_the_filter_as_added_and_leaving_it_as_deleted()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token);
        await using var watch = WatchPods(env, Now(env), labelSelector: "app=web");

        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("unrelated", new Dictionary<string, string> { ["app"] = "db" }), Ns, cancellationToken: Token);
        await env.Client.CoreV1.PatchNamespacedPodAsync(new V1Patch("{\"metadata\":{\"labels\":{\"app\":\"web\"}}}", V1Patch.PatchType.MergePatch), "p1", Ns, cancellationToken: Token);
        var entered = await watch.NextAsync();
        await env.Client.CoreV1.PatchNamespacedPodAsync(new V1Patch("{\"metadata\":{\"labels\":{\"v\":\"2\"}}}", V1Patch.PatchType.MergePatch), "p1", Ns, cancellationToken: Token);
        var changed = await watch.NextAsync();
        await env.Client.CoreV1.PatchNamespacedPodAsync(new V1Patch("{\"metadata\":{\"labels\":{\"app\":\"db\"}}}", V1Patch.PatchType.MergePatch), "p1", Ns, cancellationToken: Token);
        var left = await watch.NextAsync();

        Assert.Equal((WatchEventType.Added, "p1"), (entered.Type, entered.Object.Metadata.Name));
        Assert.Equal((WatchEventType.Modified, "2"), (changed.Type, changed.Object.Metadata.Labels["v"]));
        Assert.Equal((WatchEventType.Deleted, "db"), (left.Type, left.Object.Metadata.Labels["app"]));
        Assert.Empty(watch.Drain());
    }

    [Fact]
    public async Task A_watch_with_a_field_selector_sees_only_the_matching_pods()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        await using var watch = WatchPods(env, Now(env), fieldSelector: "spec.nodeName=n1");

        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("elsewhere", nodeName: "n2"), Ns, cancellationToken: Token);
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("here", nodeName: "n1"), Ns, cancellationToken: Token);

        Assert.Equal("here", (await watch.NextAsync()).Object.Metadata.Name);
        Assert.Empty(watch.Drain());
    }

    [Theory]
    [MemberData(nameof(EmulatorEnvironment.Transports), MemberType = typeof(EmulatorEnvironment))]
    public async Task A_watch_from_a_resource_version_older_than_the_kept_history_gets_one_410_error_event_and_ends(Transport transport)
    {
        await using var env = await EmulatorEnvironment.StartAsync(transport, new KubernetesEmulatorOptions { WatchHistoryLimit = 2 });
        foreach (var name in new[] { "p1", "p2", "p3", "p4" })
        {
            await env.Client.CoreV1.CreateNamespacedPodAsync(Pod(name), Ns, cancellationToken: Token);
        }

        await using var watch = WatchPods(env, "2");
        var events = await watch.RestUntilEndAsync();

        Assert.Empty(events);
        var error = Assert.IsType<KubernetesException>(Assert.Single(watch.Errors));
        Assert.Equal((410, "Expired", "Failure"), (error.Status.Code, error.Status.Reason, error.Status.Status));
        Assert.Equal("too old resource version: 2 (3)", error.Status.Message);
        Assert.Equal(0, env.Emulator.OpenWatchCount);
    }

    [Fact]
    public async Task The_expired_watch_error_is_a_single_status_line_as_the_real_server_writes_it()
    {
        await using var env = await EmulatorEnvironment.StartAsync(Transport.Http, new KubernetesEmulatorOptions { WatchHistoryLimit = 1 });
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token);
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p2"), Ns, cancellationToken: Token);
        using var http = new HttpClient { BaseAddress = env.Server!.BaseAddress };

        var body = await http.GetStringAsync("api/v1/namespaces/default/pods?watch=true&resourceVersion=1", Token);

        Assert.Equal(
            "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"too old resource version: 1 (2)\",\"reason\":\"Expired\",\"code\":410}}\n",
            body);
    }

    [Fact]
    public async Task A_watch_from_the_oldest_kept_resource_version_is_not_expired()
    {
        await using var env = await EmulatorEnvironment.StartAsync(Transport.InProcess, new KubernetesEmulatorOptions { WatchHistoryLimit = 2 });
        foreach (var name in new[] { "p1", "p2", "p3" })
        {
            await env.Client.CoreV1.CreateNamespacedPodAsync(Pod(name), Ns, cancellationToken: Token);
        }

        await using var watch = WatchPods(env, "2");

        Assert.Equal("p2", (await watch.NextAsync()).Object.Metadata.Name);
        Assert.Equal("p3", (await watch.NextAsync()).Object.Metadata.Name);
        Assert.Empty(watch.Errors);
    }

    [Fact]
    public async Task A_bad_resource_version_is_400()
    {
        await using var env = await EmulatorEnvironment.StartAsync();

        await ExpectStatusAsync(HttpStatusCode.BadRequest,
            () => env.Client.CoreV1.ListNamespacedPodWithHttpMessagesAsync(Ns, watch: true, resourceVersion: "abc", cancellationToken: Token));
    }

    [Theory]
    [MemberData(nameof(EmulatorEnvironment.Transports), MemberType = typeof(EmulatorEnvironment))]
    public async Task Closing_watches_ends_the_client_streams(Transport transport)
    {
        await using var env = await EmulatorEnvironment.StartAsync(transport);
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token);
        await using var watch = WatchPods(env, null);
        await watch.NextAsync();

        Assert.Equal(1, env.Emulator.CloseWatches());
        Assert.Empty(await watch.RestUntilEndAsync());
        Assert.Empty(watch.Errors);
    }

    [Theory]
    [MemberData(nameof(EmulatorEnvironment.Transports), MemberType = typeof(EmulatorEnvironment))]
    public async Task A_client_that_stops_watching_closes_its_watch_on_the_server(Transport transport)
    {
        await using var env = await EmulatorEnvironment.StartAsync(transport);
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token);
        var watch = WatchPods(env, null);
        await watch.NextAsync();
        Assert.Equal(1, env.Emulator.OpenWatchCount);

        await watch.DisposeAsync();

        // Over HTTP the server notices the closed connection a moment later; a change wakes the stream up.
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p2"), Ns, cancellationToken: Token);
        await WaitUntilAsync(() => env.Emulator.OpenWatchCount == 0);
    }

    [Fact]
    public async Task Watch_timeout_seconds_ends_the_stream_after_that_much_wall_time()
    {
        var time = new FakeTimeProvider();
        await using var env = await EmulatorEnvironment.StartAsync(Transport.InProcess, new KubernetesEmulatorOptions { TimeProvider = time });
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token);
        await using var watch = WatchRecorder<V1Pod>.Start(ct => env.Client.CoreV1.ListNamespacedPodWithHttpMessagesAsync(Ns, watch: true, timeoutSeconds: 60, cancellationToken: ct));
        await watch.NextAsync();

        time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(watch.Ended.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Empty(await watch.RestUntilEndAsync());
    }

    [Theory]
    [MemberData(nameof(EmulatorEnvironment.Transports), MemberType = typeof(EmulatorEnvironment))]
    public async Task GenericClient_watches_furiko_jobs_including_status_writes(Transport transport)
    {
        await using var env = await EmulatorEnvironment.StartAsync(transport);
        env.Emulator.AddJob(Job("j1"));
        await using var watch = WatchRecorder<Job>.Start(ct => Jobs(env.Client).WatchNamespacedAsync<Job>(Ns, cancel: ct));
        var initial = await watch.NextAsync();

        await env.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch("{\"status\":{\"phase\":\"Running\"}}", V1Patch.PatchType.MergePatch), FurikoApi.Group, FurikoApi.Version, Ns, FurikoApi.JobPlural, "j1", cancellationToken: Token);
        var statusWrite = await watch.NextAsync();

        Assert.Equal((WatchEventType.Added, "j1"), (initial.Type, initial.Object.Metadata.Name));
        Assert.Equal((WatchEventType.Modified, JobPhase.Running), (statusWrite.Type, statusWrite.Object.Status!.Phase));
    }

    [Fact]
    public async Task A_watch_across_namespaces_sees_every_namespace()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var from = Now(env);
        await using var watch = WatchRecorder<V1Pod>.Start(ct => env.Client.CoreV1.ListPodForAllNamespacesWithHttpMessagesAsync(watch: true, resourceVersion: from, cancellationToken: ct));

        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("a", ns: "team-a"), "team-a", cancellationToken: Token);
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("b", ns: "team-b"), "team-b", cancellationToken: Token);

        Assert.Equal("team-a", (await watch.NextAsync()).Object.Metadata.NamespaceProperty);
        Assert.Equal("team-b", (await watch.NextAsync()).Object.Metadata.NamespaceProperty);
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
