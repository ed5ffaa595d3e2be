using Furiko.Sdk.Models;
using Furiko.Sdk.Testing.Emulator;
using k8s;
using k8s.Models;
using NodaTime;
using NodaTime.Testing;

namespace Furiko.Sdk.Testing.Tests.Emulator;

/// <summary>The usage example proposed for the README, kept compiling and passing.</summary>
public sealed class ReadmeExampleTests
{
    /// <summary>A stand-in for a user's controller: gracefully deletes the task Pods of a Job, guarded by UID.</summary>
    private static async Task KillTasksAsync(IKubernetes client, Job job, CancellationToken cancellationToken)
    {
        var pods = await client.CoreV1.ListNamespacedPodAsync(
            job.Metadata.NamespaceProperty, labelSelector: $"{FurikoLabels.JobUid}={job.Metadata.Uid}", cancellationToken: cancellationToken);
        foreach (var pod in pods.Items)
        {
            await client.CoreV1.DeleteNamespacedPodAsync(pod.Metadata.Name, pod.Metadata.NamespaceProperty,
                new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = pod.Metadata.Uid } }, cancellationToken: cancellationToken);
        }
    }

    [Fact]
    public async Task The_readme_example_works()
    {
        var ct = TestContext.Current.CancellationToken;

        var clock = new FakeClock(Instant.FromUtc(2024, 5, 1, 12, 0));
        var emulator = new KubernetesEmulator(clock);
        using IKubernetes client = emulator.CreateClient(); // in process: no sockets

        // Arrange: a Job and its task Pod, running on a healthy node.
        var job = emulator.AddJob(new Job { Metadata = new V1ObjectMeta { Name = "backup-1", NamespaceProperty = "default" } });
        emulator.AddRunningPod("default", "backup-1-abcdef-0", nodeName: "node-a",
            labels: new Dictionary<string, string> { [FurikoLabels.JobUid] = job.Metadata.Uid });

        // Act: run the controller code against the real KubernetesClient.
        await KillTasksAsync(client, job, ct);

        // Assert: the deletion is graceful, so the Pod is Terminating for now...
        var pod = emulator.Get<V1Pod>("default", "backup-1-abcdef-0");
        Assert.NotNull(pod!.Metadata.DeletionTimestamp);
        Assert.Equal(1, emulator.CountRequests(KubernetesVerb.Delete, "pods"));

        // ...and once time moves on, the simulated kubelet stops the containers and removes it.
        clock.AdvanceSeconds(1);
        emulator.ProcessDueWork();
        Assert.Null(emulator.Get<V1Pod>("default", "backup-1-abcdef-0"));

        // Faults and node failures are one call each.
        emulator.InjectFault(new RequestMatch(KubernetesVerb.Delete, "pods"), EmulatorFault.TooManyRequests(retryAfterSeconds: 2));
        emulator.AddRunningPod("default", "backup-1-abcdef-1", nodeName: "node-b");
        emulator.MarkNodeDown("node-b"); // graceful deletions on node-b now wait for a force deletion

        // For a command-line tool: serve over HTTP on 127.0.0.1 and hand it a kubeconfig.
        await using var server = await emulator.StartServerAsync(ct);
        var kubeconfig = server.WriteKubeconfig(Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}"), @namespace: "default");
        try
        {
            using var cliClient = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
            Assert.Single((await cliClient.CoreV1.ListNamespacedPodAsync("default", cancellationToken: ct)).Items);
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }
}
