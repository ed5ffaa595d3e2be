using System.Net;
using Furiko.Sdk.Testing.Emulator;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;
using static Furiko.Sdk.Testing.Tests.Emulator.TestObjects;

namespace Furiko.Sdk.Testing.Tests.Emulator;

public sealed class FaultInjectionTests
{
    private static CancellationToken Token => EmulatorEnvironment.Token;

    [Theory]
    [MemberData(nameof(EmulatorEnvironment.Transports), MemberType = typeof(EmulatorEnvironment))]
    public async Task A_429_fault_answers_with_retry_after_and_changes_nothing(Transport transport)
    {
        await using var env = await EmulatorEnvironment.StartAsync(transport);
        env.Emulator.AddRunningPod(Ns, "p1", "node-a");
        env.Emulator.InjectFault(new RequestMatch(KubernetesVerb.Delete, "pods"), EmulatorFault.TooManyRequests(retryAfterSeconds: 3));

        var ex = await Assert.ThrowsAsync<HttpOperationException>(() => env.Client.CoreV1.DeleteNamespacedPodAsync("p1", Ns, gracePeriodSeconds: 0, cancellationToken: Token));

        Assert.Equal((HttpStatusCode)429, ex.Response.StatusCode);
        Assert.Equal(["3"], ex.Response.Headers["Retry-After"]);
        var status = k8s.KubernetesJson.Deserialize<V1Status>(ex.Response.Content);
        Assert.Equal(("TooManyRequests", 3), (status.Reason, status.Details.RetryAfterSeconds));
        Assert.NotNull(env.Emulator.Get<V1Pod>(Ns, "p1"));

        await env.Client.CoreV1.DeleteNamespacedPodAsync("p1", Ns, gracePeriodSeconds: 0, cancellationToken: Token);
        Assert.Null(env.Emulator.Get<V1Pod>(Ns, "p1"));
    }

    [Theory]
    [InlineData(500, "InternalError")]
    [InlineData(503, "ServiceUnavailable")]
    [InlineData(504, "Timeout")]
    public async Task Server_error_faults_carry_the_real_servers_reason(int code, string reason)
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        env.Emulator.InjectFault(new RequestMatch(KubernetesVerb.List, "pods"), EmulatorFault.Status(code));

        var status = await ExpectStatusAsync((HttpStatusCode)code, () => env.Client.CoreV1.ListNamespacedPodAsync(Ns, cancellationToken: Token));

        Assert.Equal(reason, status.Reason);
    }

    [Fact]
    public async Task A_fault_applies_to_the_given_number_of_matching_requests_only()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        env.Emulator.AddRunningPod(Ns, "p1", "node-a");
        env.Emulator.AddRunningPod(Ns, "p2", "node-a");
        var rule = env.Emulator.InjectFault(new RequestMatch(KubernetesVerb.Get, "pods") { Name = "p1" }, EmulatorFault.Status(503), times: 2);

        await env.Client.CoreV1.ReadNamespacedPodAsync("p2", Ns, cancellationToken: Token);
        await env.Client.CoreV1.ListNamespacedPodAsync(Ns, cancellationToken: Token);
        await ExpectStatusAsync(HttpStatusCode.ServiceUnavailable, () => env.Client.CoreV1.ReadNamespacedPodAsync("p1", Ns, cancellationToken: Token));
        await ExpectStatusAsync(HttpStatusCode.ServiceUnavailable, () => env.Client.CoreV1.ReadNamespacedPodAsync("p1", Ns, cancellationToken: Token));
        await env.Client.CoreV1.ReadNamespacedPodAsync("p1", Ns, cancellationToken: Token);

        Assert.Equal((2, 0), (rule.HitCount, rule.RemainingCount));
    }

    [Fact]
    public async Task A_cancelled_fault_no_longer_applies()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var rule = env.Emulator.InjectFault(new RequestMatch(), EmulatorFault.Status(500), times: 10);

        rule.Cancel();
        var list = await env.Client.CoreV1.ListNamespacedPodAsync(Ns, cancellationToken: Token);

        Assert.Empty(list.Items);
        Assert.Equal(0, rule.HitCount);
    }

    [Fact]
    public async Task A_delay_fault_holds_the_answer_back_for_that_much_wall_time_then_answers_normally()
    {
        var time = new FakeTimeProvider();
        await using var env = await EmulatorEnvironment.StartAsync(Transport.InProcess, new KubernetesEmulatorOptions { TimeProvider = time });
        var rule = env.Emulator.InjectFault(new RequestMatch(KubernetesVerb.Create, "pods"), EmulatorFault.Delay(TimeSpan.FromSeconds(30)));

        var create = env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token);
        await WatchTests.WaitUntilAsync(() => rule.HitCount == 1);
        await Task.Delay(20, Token); // the fault is taken just before its timer starts
        time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(20, Token);
        Assert.False(create.IsCompleted);
        Assert.Null(env.Emulator.Get<V1Pod>(Ns, "p1"));

        // One more second ends the delay (a few more are allowed in case the timer started a moment late).
        for (var step = 0; step < 5 && !create.IsCompleted; step++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(create, Task.Delay(200, Token));
        }

        Assert.Equal("p1", (await create.WaitAsync(TimeSpan.FromSeconds(10), Token)).Metadata.Name);
    }

    [Theory]
    [MemberData(nameof(EmulatorEnvironment.Transports), MemberType = typeof(EmulatorEnvironment))]
    public async Task A_dropped_connection_fails_the_call_with_a_transport_error_and_changes_nothing(Transport transport)
    {
        await using var env = await EmulatorEnvironment.StartAsync(transport);
        env.Emulator.InjectFault(new RequestMatch(KubernetesVerb.Create, "pods"), EmulatorFault.DropConnection());

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token));

        if (transport == Transport.InProcess)
        {
            Assert.IsType<IOException>(ex.InnerException);
        }

        Assert.Null(env.Emulator.Get<V1Pod>(Ns, "p1"));
        Assert.Equal(0, Assert.Single(env.Emulator.RequestLog).StatusCode);
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token);
    }

    [Fact]
    public async Task Faults_are_validated()
    {
        await using var env = await EmulatorEnvironment.StartAsync();

        Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.Status(200));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.Delay(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => env.Emulator.InjectFault(new RequestMatch(), EmulatorFault.Status(500), times: 0));
    }
}
