using Furiko.Sdk.Testing.Emulator;
using k8s;
using k8s.Models;
using NodaTime;
using static Furiko.Sdk.Testing.Tests.Emulator.TestObjects;

namespace Furiko.Sdk.Testing.Tests.Emulator;

public sealed class RequestLogTests
{
    private static CancellationToken Token => EmulatorEnvironment.Token;

    [Theory]
    [MemberData(nameof(EmulatorEnvironment.Transports), MemberType = typeof(EmulatorEnvironment))]
    public async Task Every_request_is_logged_with_what_it_asked_and_how_it_was_answered(Transport transport)
    {
        await using var env = await EmulatorEnvironment.StartAsync(transport);
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token);
        env.Clock.Advance(Duration.FromSeconds(5));
        await env.Client.CoreV1.ListNamespacedPodAsync(Ns, labelSelector: "a=b", cancellationToken: Token);
        await Assert.ThrowsAnyAsync<Exception>(() => env.Client.CoreV1.ReadNamespacedPodStatusAsync("nope", Ns, cancellationToken: Token));

        var log = env.Emulator.RequestLog;

        Assert.Equal(3, log.Count);
        Assert.Equal(new EmulatorRequestRecord(EmulatorEnvironment.Start, "POST", KubernetesVerb.Create, "/api/v1/namespaces/default/pods", "", "pods", null, "default", null, 201), log[0]);
        Assert.Equal((KubernetesVerb.List, "labelSelector=a%3Db&watch=false", 200), (log[1].Verb, log[1].Query, log[1].StatusCode));
        Assert.Equal(EmulatorEnvironment.Start + Duration.FromSeconds(5), log[1].Time);
        Assert.Equal((KubernetesVerb.Get, "status", "nope", 404), (log[2].Verb, log[2].Subresource, log[2].Name, log[2].StatusCode));
    }

    [Fact]
    public async Task Requests_are_counted_by_verb_and_resource()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        env.Emulator.AddRunningPod(Ns, "p1", "node-a");
        env.Emulator.AddRunningPod(Ns, "p2", "node-a");
        await env.Client.CoreV1.DeleteNamespacedPodAsync("p1", Ns, cancellationToken: Token);
        await env.Client.CoreV1.DeleteNamespacedPodAsync("p2", Ns, cancellationToken: Token);
        await env.Client.CoreV1.PatchNamespacedPodStatusAsync(new V1Patch("{}", V1Patch.PatchType.MergePatch), "p1", Ns, cancellationToken: Token);

        Assert.Equal(2, env.Emulator.CountRequests(KubernetesVerb.Delete, "pods"));
        Assert.Equal(0, env.Emulator.CountRequests(KubernetesVerb.Patch, "pods"));
        Assert.Equal(1, env.Emulator.CountRequests(KubernetesVerb.Patch, "pods", "status"));
        Assert.Equal(0, env.Emulator.CountRequests(KubernetesVerb.Delete, "jobs"));

        env.Emulator.ClearRequestLog();
        Assert.Equal(0, env.Emulator.CountRequests(KubernetesVerb.Delete, "pods"));
    }
}
