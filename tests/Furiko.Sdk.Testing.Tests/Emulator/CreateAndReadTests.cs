using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Furiko.Sdk.Models;
using Furiko.Sdk.Testing.Emulator;
using k8s;
using k8s.Models;
using static Furiko.Sdk.Testing.Tests.Emulator.TestObjects;

namespace Furiko.Sdk.Testing.Tests.Emulator;

public sealed class CreateAndReadTests
{
    private static CancellationToken Token => EmulatorEnvironment.Token;

    [Fact]
    public async Task Create_stamps_uid_resource_version_generation_and_creation_time_from_the_emulator_clock()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var before = env.Emulator.CurrentResourceVersion;

        var pod = await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token);

        Assert.True(Guid.TryParse(pod.Metadata.Uid, out _));
        Assert.Equal((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), pod.Metadata.ResourceVersion);
        Assert.Equal(1, pod.Metadata.Generation);
        Assert.Equal(EmulatorEnvironment.Start.ToDateTimeUtc(), pod.Metadata.CreationTimestamp);
        Assert.Equal(Ns, pod.Metadata.NamespaceProperty);
        Assert.Equal("v1", pod.ApiVersion);
        Assert.Equal("Pod", pod.Kind);
    }

    [Fact]
    public async Task Resource_versions_increase_across_every_resource()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var pod = await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token);
        var job = await Jobs(env.Client).CreateNamespacedAsync(Job("j1"), Ns, Token);
        var lease = await env.Client.CoordinationV1.CreateNamespacedLeaseAsync(
            new V1Lease { Metadata = new V1ObjectMeta { Name = "l1" }, Spec = new V1LeaseSpec { HolderIdentity = "a" } }, Ns, cancellationToken: Token);

        var versions = new[] { pod.Metadata.ResourceVersion, job.Metadata.ResourceVersion, lease.Metadata.ResourceVersion }.Select(Rv).ToArray();
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(3, versions.Distinct().Count());
    }

    [Fact]
    public async Task GenerateName_gets_a_five_character_random_suffix_and_distinct_names()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var template = new V1Pod
        {
            Metadata = new V1ObjectMeta { GenerateName = "task-" },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "main", Image = "busybox" }] },
        };

        var first = await env.Client.CoreV1.CreateNamespacedPodAsync(template, Ns, cancellationToken: Token);
        var second = await env.Client.CoreV1.CreateNamespacedPodAsync(template, Ns, cancellationToken: Token);

        foreach (var name in new[] { first.Metadata.Name, second.Metadata.Name })
        {
            Assert.StartsWith("task-", name, StringComparison.Ordinal);
            Assert.Equal("task-".Length + 5, name.Length);
            Assert.All(name["task-".Length..], c => Assert.Contains(c, "bcdfghjklmnpqrstvwxz2456789"));
        }

        Assert.NotEqual(first.Metadata.Name, second.Metadata.Name);
        Assert.Equal(first.Metadata.Uid, env.Emulator.Get<V1Pod>(Ns, first.Metadata.Name)!.Metadata.Uid);
    }

    [Theory]
    [MemberData(nameof(EmulatorEnvironment.Transports), MemberType = typeof(EmulatorEnvironment))]
    public async Task Creating_an_existing_name_is_409_AlreadyExists(Transport transport)
    {
        await using var env = await EmulatorEnvironment.StartAsync(transport);
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token);

        var status = await ExpectStatusAsync(HttpStatusCode.Conflict, () => env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token));

        Assert.Equal("AlreadyExists", status.Reason);
        Assert.Equal("pods \"p1\" already exists", status.Message);
        Assert.Equal("p1", status.Details.Name);
        Assert.Equal("pods", status.Details.Kind);
    }

    [Theory]
    [MemberData(nameof(EmulatorEnvironment.Transports), MemberType = typeof(EmulatorEnvironment))]
    public async Task Reading_a_missing_object_is_404_NotFound_naming_the_resource(Transport transport)
    {
        await using var env = await EmulatorEnvironment.StartAsync(transport);

        var pod = await ExpectStatusAsync(HttpStatusCode.NotFound, () => env.Client.CoreV1.ReadNamespacedPodAsync("nope", Ns, cancellationToken: Token));
        var job = await ExpectStatusAsync(HttpStatusCode.NotFound, () => Jobs(env.Client).ReadNamespacedAsync<Job>(Ns, "nope", Token));

        Assert.Equal(("NotFound", "pods \"nope\" not found"), (pod.Reason, pod.Message));
        Assert.Equal(("NotFound", "jobs.execution.furiko.io \"nope\" not found"), (job.Reason, job.Message));
        Assert.Equal("execution.furiko.io", job.Details.Group);
    }

    [Fact]
    public async Task A_pod_is_not_found_in_another_namespace()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token);

        await ExpectStatusAsync(HttpStatusCode.NotFound, () => env.Client.CoreV1.ReadNamespacedPodAsync("p1", "other", cancellationToken: Token));
    }

    [Fact]
    public async Task Creating_without_name_or_generateName_is_422_Invalid()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var nameless = Pod("x");
        nameless.Metadata.Name = null;

        var status = await ExpectStatusAsync(HttpStatusCode.UnprocessableEntity, () => env.Client.CoreV1.CreateNamespacedPodAsync(nameless, Ns, cancellationToken: Token));

        Assert.Equal("Invalid", status.Reason);
        Assert.Equal("Pod \"\" is invalid: metadata.name: Required value: name or generateName is required", status.Message);
        Assert.Equal("metadata.name", Assert.Single(status.Details.Causes).Field);
    }

    [Fact]
    public async Task Creating_a_pod_with_an_invalid_name_or_without_containers_is_422_Invalid()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var noContainers = Pod("p1");
        noContainers.Spec.Containers = [];

        var badName = await ExpectStatusAsync(HttpStatusCode.UnprocessableEntity, () => env.Client.CoreV1.CreateNamespacedPodAsync(Pod("Bad_Name"), Ns, cancellationToken: Token));
        var containers = await ExpectStatusAsync(HttpStatusCode.UnprocessableEntity, () => env.Client.CoreV1.CreateNamespacedPodAsync(noContainers, Ns, cancellationToken: Token));

        Assert.StartsWith("Pod \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain", badName.Message, StringComparison.Ordinal);
        Assert.Equal("Pod \"p1\" is invalid: spec.containers: Required value", containers.Message);
    }

    [Fact]
    public async Task A_body_that_is_not_a_json_object_is_400_BadRequest()
    {
        await using var env = await EmulatorEnvironment.StartAsync();

        var status = await ExpectStatusAsync(HttpStatusCode.BadRequest, () => env.Client.CustomObjects.CreateNamespacedCustomObjectAsync(
            "not an object", FurikoApi.Group, FurikoApi.Version, Ns, FurikoApi.JobPlural, cancellationToken: Token));

        Assert.Equal("BadRequest", status.Reason);
        Assert.Empty(env.Emulator.List<Job>());
    }

    [Fact]
    public async Task Malformed_json_over_http_is_400_BadRequest_with_a_status_body()
    {
        await using var env = await EmulatorEnvironment.StartAsync(Transport.Http);
        using var http = new HttpClient { BaseAddress = env.Server!.BaseAddress };

        using var response = await http.PostAsync("api/v1/namespaces/default/pods", new StringContent("{\"metadata\": {", System.Text.Encoding.UTF8, "application/json"), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var status = KubernetesJson.Deserialize<V1Status>(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal(("Status", "BadRequest", 400), (status.Kind, status.Reason, status.Code));
        Assert.StartsWith("the object provided is unrecognized (must be of type Pod)", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_custom_resource_body_without_kind_is_400_and_one_naming_another_namespace_is_400()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var withoutKind = new JsonObject { ["apiVersion"] = FurikoApi.GroupVersion, ["metadata"] = new JsonObject { ["name"] = "j1" } };

        var kind = await ExpectStatusAsync(HttpStatusCode.BadRequest, () => env.Client.CustomObjects.CreateNamespacedCustomObjectAsync(
            withoutKind, FurikoApi.Group, FurikoApi.Version, Ns, FurikoApi.JobPlural, cancellationToken: Token));
        var ns = await ExpectStatusAsync(HttpStatusCode.BadRequest, () => env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1", ns: "elsewhere"), Ns, cancellationToken: Token));

        Assert.StartsWith("Object 'Kind' is missing in", kind.Message, StringComparison.Ordinal);
        Assert.Equal("the namespace of the provided object does not match the namespace sent on the request", ns.Message);
    }

    [Fact]
    public async Task Creating_a_pod_drops_the_requested_status_and_starts_it_Pending()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var pod = Pod("p1");
        pod.Status = new V1PodStatus { Phase = "Running" };

        var created = await env.Client.CoreV1.CreateNamespacedPodAsync(pod, Ns, cancellationToken: Token);

        Assert.Equal("Pending", created.Status.Phase);
    }

    [Fact]
    public async Task Creating_a_job_drops_its_status_but_keeps_fields_no_model_knows()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var body = JsonNode.Parse("""
            {"apiVersion":"execution.furiko.io/v1alpha1","kind":"Job","metadata":{"name":"j1"},
             "spec":{"type":"Adhoc","futureField":{"a":[1,2]}},"status":{"phase":"Running"}}
            """)!;

        var created = (JsonElement)await env.Client.CustomObjects.CreateNamespacedCustomObjectAsync(body, FurikoApi.Group, FurikoApi.Version, Ns, FurikoApi.JobPlural, cancellationToken: Token);

        Assert.False(created.TryGetProperty("status", out _));
        var stored = env.Emulator.GetJson(EmulatedResource.FurikoJobs, Ns, "j1")!;
        Assert.Equal("[1,2]", stored["spec"]!["futureField"]!["a"]!.ToJsonString());
        Assert.Equal(Ns, stored["metadata"]!["namespace"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lists_report_the_current_resource_version_and_built_in_items_carry_no_kind()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token);
        await Jobs(env.Client).CreateNamespacedAsync(Job("j1"), Ns, Token);

        var pods = await env.Client.CoreV1.ListNamespacedPodAsync(Ns, cancellationToken: Token);
        var jobs = (JsonElement)await env.Client.CustomObjects.ListNamespacedCustomObjectAsync(FurikoApi.Group, FurikoApi.Version, Ns, FurikoApi.JobPlural, cancellationToken: Token);

        Assert.Equal(env.Emulator.CurrentResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), pods.Metadata.ResourceVersion);
        Assert.Equal(("v1", "PodList"), (pods.ApiVersion, pods.Kind));
        Assert.Null(Assert.Single(pods.Items).Kind);
        Assert.Equal("JobList", jobs.GetProperty("kind").GetString());
        Assert.Equal("Job", jobs.GetProperty("items")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Listing_across_namespaces_returns_every_namespace_in_key_order()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("b", ns: "team-b"), "team-b", cancellationToken: Token);
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("a", ns: "team-a"), "team-a", cancellationToken: Token);
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("c", ns: "team-a"), "team-a", cancellationToken: Token);

        var all = await env.Client.CoreV1.ListPodForAllNamespacesAsync(cancellationToken: Token);
        var teamA = await env.Client.CoreV1.ListNamespacedPodAsync("team-a", cancellationToken: Token);

        Assert.Equal(["team-a/a", "team-a/c", "team-b/b"], all.Items.Select(p => $"{p.Metadata.NamespaceProperty}/{p.Metadata.Name}"));
        Assert.Equal(["a", "c"], teamA.Items.Select(p => p.Metadata.Name));
    }

    [Fact]
    public async Task Nodes_are_cluster_scoped_and_events_of_both_apis_are_served()
    {
        await using var env = await EmulatorEnvironment.StartAsync();

        await env.Client.CoreV1.CreateNodeAsync(new V1Node { Metadata = new V1ObjectMeta { Name = "n1", NamespaceProperty = "ignored" } }, cancellationToken: Token);
        await env.Client.CoreV1.CreateNamespacedEventAsync(
            new Corev1Event
            {
                Metadata = new V1ObjectMeta { Name = "e1" },
                InvolvedObject = new V1ObjectReference { Kind = "Pod", Name = "p1" },
                Reason = "Killing",
                Source = new V1EventSource { Component = "furiko" },
            },
            Ns, cancellationToken: Token);
        await env.Client.EventsV1.CreateNamespacedEventAsync(
            new Eventsv1Event { Metadata = new V1ObjectMeta { Name = "e2" }, EventTime = new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc), Reason = "Killing" },
            Ns, cancellationToken: Token);

        var node = await env.Client.CoreV1.ReadNodeAsync("n1", cancellationToken: Token);
        Assert.Null(node.Metadata.NamespaceProperty);
        Assert.Equal("Killing", (await env.Client.CoreV1.ReadNamespacedEventAsync("e1", Ns, cancellationToken: Token)).Reason);
        Assert.Equal("Killing", (await env.Client.EventsV1.ReadNamespacedEventAsync("e2", Ns, cancellationToken: Token)).Reason);
        var byReason = await env.Client.CoreV1.ListNamespacedEventAsync(Ns, fieldSelector: "involvedObject.name=p1,reason=Killing,source=furiko", cancellationToken: Token);
        Assert.Equal("e1", Assert.Single(byReason.Items).Metadata.Name);
    }

    [Fact]
    public async Task A_dry_run_write_is_refused_with_400_and_changes_nothing()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        env.Emulator.AddRunningPod(Ns, "p1", "node-a");

        var create = await ExpectStatusAsync(HttpStatusCode.BadRequest, () => env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p2"), Ns, dryRun: "All", cancellationToken: Token));
        await ExpectStatusAsync(HttpStatusCode.BadRequest, () => env.Client.CoreV1.DeleteNamespacedPodAsync("p1", Ns, new V1DeleteOptions { DryRun = ["All"], GracePeriodSeconds = 0 }, cancellationToken: Token));

        Assert.Equal("dryRun is not supported by the Furiko Kubernetes emulator", create.Message);
        Assert.Null(env.Emulator.Get<V1Pod>(Ns, "p2"));
        Assert.NotNull(env.Emulator.Get<V1Pod>(Ns, "p1"));
    }

    [Fact]
    public async Task A_path_that_names_no_served_resource_is_404()
    {
        await using var env = await EmulatorEnvironment.StartAsync();

        var status = await ExpectStatusAsync(HttpStatusCode.NotFound, () => env.Client.AppsV1.ListNamespacedDeploymentAsync(Ns, cancellationToken: Token));

        Assert.Equal("the server could not find the requested resource", status.Message);
    }
}
