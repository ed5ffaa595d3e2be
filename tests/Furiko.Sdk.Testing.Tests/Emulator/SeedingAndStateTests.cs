using System.Text.Json.Nodes;
using Furiko.Sdk.Models;
using Furiko.Sdk.Testing.Emulator;
using k8s;
using k8s.Models;
using NodaTime;
using NodaTime.Testing;
using static Furiko.Sdk.Testing.Tests.Emulator.TestObjects;

namespace Furiko.Sdk.Testing.Tests.Emulator;

public sealed class SeedingAndStateTests
{
    private static CancellationToken Token => EmulatorEnvironment.Token;

    [Fact]
    public async Task A_seeded_running_pod_has_started_containers_and_its_node_is_added()
    {
        await using var env = await EmulatorEnvironment.StartAsync();

        var pod = env.Emulator.AddRunningPod(Ns, "p1", "node-a", new Dictionary<string, string> { [FurikoLabels.JobUid] = "uid-1" });
        var read = await env.Client.CoreV1.ReadNamespacedPodAsync("p1", Ns, cancellationToken: Token);

        Assert.Equal("Running", read.Status.Phase);
        var container = Assert.Single(read.Status.ContainerStatuses);
        Assert.Equal(("main", true, true), (container.Name, container.Ready, container.Started));
        Assert.Equal(EmulatorEnvironment.Start.ToDateTimeUtc(), container.State.Running.StartedAt);
        Assert.StartsWith("containerd://", container.ContainerID, StringComparison.Ordinal);
        Assert.Equal("uid-1", read.Metadata.Labels[FurikoLabels.JobUid]);
        Assert.Equal(pod.Metadata.Uid, read.Metadata.Uid);
        Assert.Equal("True", env.Emulator.Get<V1Node>(null, "node-a")!.Status.Conditions.Single(c => c.Type == "Ready").Status);
    }

    [Fact]
    public async Task A_seeded_job_keeps_its_status_and_is_read_back_typed_or_as_json()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var job = Job("j1");
        job.Status = new JobStatus { Phase = JobPhase.Running, CreatedTasks = 2 };

        var stored = env.Emulator.AddJob(job);
        var viaApi = await Jobs(env.Client).ReadNamespacedAsync<Job>(Ns, "j1", Token);

        Assert.Equal(JobPhase.Running, stored.Status!.Phase);
        Assert.Equal(2, viaApi.Status!.CreatedTasks);
        Assert.Equal(1, stored.Metadata.Generation);
        Assert.Equal("Running", env.Emulator.GetJson(EmulatedResource.FurikoJobs, Ns, "j1")!["status"]!["phase"]!.GetValue<string>());
        Assert.Equal(["j1"], env.Emulator.List<Job>(Ns).Select(j => j.Metadata.Name));
        Assert.Empty(env.Emulator.List<Job>("other"));
    }

    [Fact]
    public async Task Seeding_emits_watch_events()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var from = env.Emulator.CurrentResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env.Emulator.AddNode("n1");
        await using var watch = WatchRecorder<V1Node>.Start(ct => env.Client.CoreV1.ListNodeWithHttpMessagesAsync(watch: true, resourceVersion: from, cancellationToken: ct));

        Assert.Equal((WatchEventType.Added, "n1"), (await watch.NextAsync() is var e ? (e.Type, e.Object.Metadata.Name) : default));
        env.Emulator.MarkNodeDown("n1");
        Assert.Equal(WatchEventType.Modified, (await watch.NextAsync()).Type);
    }

    [Fact]
    public async Task Seeding_rejects_objects_it_cannot_store_with_a_clear_message()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        env.Emulator.AddJob(Job("j1"));

        var duplicate = Assert.Throws<ArgumentException>(() => env.Emulator.AddJob(Job("j1")));
        var noNamespace = Assert.Throws<ArgumentException>(() => env.Emulator.AddJob(Job("j2", ns: null!)));
        var noNode = Assert.Throws<ArgumentException>(() => env.Emulator.AddRunningPod(Pod("p1")));
        var unserved = Assert.Throws<ArgumentException>(() => env.Emulator.Add(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c", NamespaceProperty = Ns } }));

        Assert.Contains("jobs.execution.furiko.io \"j1\" already exists", duplicate.Message, StringComparison.Ordinal);
        Assert.Contains("metadata.namespace", noNamespace.Message, StringComparison.Ordinal);
        Assert.Contains("spec.nodeName", noNode.Message, StringComparison.Ordinal);
        Assert.Contains("does not serve V1ConfigMap", unserved.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => env.Emulator.MarkNodeDown("ghost"));
    }

    [Fact]
    public async Task State_reads_are_copies_that_do_not_change_the_emulator()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        env.Emulator.AddJob(Job("j1"));

        env.Emulator.GetJson(EmulatedResource.FurikoJobs, Ns, "j1")!["spec"] = new JsonObject();
        env.Emulator.Get<Job>(Ns, "j1")!.Spec.TtlSecondsAfterFinished = 5;

        Assert.Null(env.Emulator.Get<Job>(Ns, "j1")!.Spec.TtlSecondsAfterFinished);
        Assert.Equal(JobType.Adhoc, env.Emulator.Get<Job>(Ns, "j1")!.Spec.Type);
    }

    [Fact]
    public async Task An_additional_custom_resource_is_served()
    {
        var widgets = EmulatedResource.CustomResource("example.com", "v1", "widgets", "Widget", isNamespaced: true, hasStatusSubresource: false);
        await using var env = await EmulatorEnvironment.StartAsync(Transport.InProcess, new KubernetesEmulatorOptions { AdditionalResources = [widgets] });
        var body = new JsonObject { ["apiVersion"] = "example.com/v1", ["kind"] = "Widget", ["metadata"] = new JsonObject { ["name"] = "w1" }, ["size"] = 3 };

        await env.Client.CustomObjects.CreateNamespacedCustomObjectAsync(body, "example.com", "v1", Ns, "widgets", cancellationToken: Token);

        Assert.Equal(3, env.Emulator.GetJson(widgets, Ns, "w1")!["size"]!.GetValue<int>());
        Assert.Contains(env.Emulator.Resources, r => r.Plural == "widgets");
    }

    [Fact]
    public void Options_out_of_range_are_named()
    {
        var ex = Assert.Throws<ArgumentException>(() => new KubernetesEmulator(new FakeClock(EmulatorEnvironment.Start),
            new KubernetesEmulatorOptions { KubeletStopDelay = Duration.FromSeconds(-1), WatchHistoryLimit = 0, ContainerExitCode = 256 }));

        Assert.Contains("KubeletStopDelay", ex.Message, StringComparison.Ordinal);
        Assert.Contains("WatchHistoryLimit", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ContainerExitCode", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_seed_gives_the_same_uids_and_generated_names()
    {
        static (string Uid, string Name) Make()
        {
            var emulator = new KubernetesEmulator(new FakeClock(EmulatorEnvironment.Start));
            var pod = emulator.Add(new V1Pod
            {
                Metadata = new V1ObjectMeta { GenerateName = "x-", NamespaceProperty = Ns },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "c", Image = "i" }] },
            });
            return (pod.Metadata.Uid, pod.Metadata.Name);
        }

        Assert.Equal(Make(), Make());
    }
}
