using System.Net;
using System.Net.Http;
using System.Text.Json;
using Furiko.Sdk.Kubernetes;
using k8s;
using k8s.Autorest;
using NSubstitute;

namespace Furiko.Sdk.Tests.Kubernetes;

/// <summary>The client works over any IKubernetes: here one substituted at its interface methods.</summary>
public class SubstitutedKubernetesTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static (IKubernetes Kubernetes, ICustomObjectsOperations CustomObjects) Substitutes()
    {
        var kubernetes = Substitute.For<IKubernetes>();
        var customObjects = Substitute.For<ICustomObjectsOperations>();
        kubernetes.CustomObjects.Returns(customObjects);
        return (kubernetes, customObjects);
    }

    [Fact]
    public async Task A_json_element_body_is_read_through_the_sdks_serializer()
    {
        var (kubernetes, customObjects) = Substitutes();
        using var body = JsonDocument.Parse(ApiBodies.Job(killTimestamp: "2021-02-09T04:04:04+08:00"));
        customObjects.GetNamespacedCustomObjectWithHttpMessagesAsync(
                "execution.furiko.io", "v1alpha1", "default", "jobs", "my-job", Arg.Any<IReadOnlyDictionary<string, IReadOnlyList<string>>>(), Arg.Any<CancellationToken>())
            .Returns(new HttpOperationResponse<object> { Body = body.RootElement.Clone() });

        var job = await new JobClient(kubernetes).GetAsync("default", "my-job", Token);

        Assert.Equal(NodaTime.Instant.FromUtc(2021, 2, 8, 20, 4, 4), job.Spec.KillTimestamp);
        kubernetes.DidNotReceive().Dispose();
    }

    [Fact]
    public async Task An_http_operation_exception_from_the_interface_is_mapped_and_a_transient_one_retried()
    {
        var (kubernetes, customObjects) = Substitutes();
        using var body = JsonDocument.Parse(ApiBodies.Job());
        customObjects.GetNamespacedCustomObjectWithHttpMessagesAsync(
                Arg.Any<string>(), Arg.Any<string>(), Arg.Any<string>(), Arg.Any<string>(), Arg.Any<string>(),
                Arg.Any<IReadOnlyDictionary<string, IReadOnlyList<string>>>(), Arg.Any<CancellationToken>())
            .Returns(
                Task.FromException<HttpOperationResponse<object>>(Failure(HttpStatusCode.ServiceUnavailable, ApiBodies.Status(503, "ServiceUnavailable", "busy"))),
                Task.FromException<HttpOperationResponse<object>>(Failure(HttpStatusCode.NotFound, ApiBodies.NotFound("my-job"))));

        var ex = await Assert.ThrowsAsync<FurikoApiNotFoundException>(
            () => new JobClient(kubernetes, ClientFactory.NoWait(), TimeProvider.System).GetAsync("default", "my-job", Token));

        Assert.Equal("get Job default/my-job failed: 404 NotFound: jobs.execution.furiko.io \"my-job\" not found", ex.Message);
        await customObjects.Received(2).GetNamespacedCustomObjectWithHttpMessagesAsync(
            Arg.Any<string>(), Arg.Any<string>(), Arg.Any<string>(), Arg.Any<string>(), Arg.Any<string>(),
            Arg.Any<IReadOnlyDictionary<string, IReadOnlyList<string>>>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_watch_over_a_client_that_cannot_stream_fails_with_a_clear_message()
    {
        var (kubernetes, customObjects) = Substitutes();
        customObjects.ListNamespacedCustomObjectWithHttpMessagesAsync(
                Arg.Any<string>(), Arg.Any<string>(), Arg.Any<string>(), Arg.Any<string>(), Arg.Any<bool?>(), Arg.Any<string>(), Arg.Any<string>(),
                Arg.Any<string>(), Arg.Any<int?>(), Arg.Any<string>(), Arg.Any<string>(), Arg.Any<int?>(), Arg.Any<bool?>(), Arg.Any<bool?>(),
                Arg.Any<IReadOnlyDictionary<string, IReadOnlyList<string>>>(), Arg.Any<CancellationToken>())
            .Returns(_ => new HttpOperationResponse<object> { Response = new HttpResponseMessage(HttpStatusCode.OK) });
        var jobs = new JobClient(kubernetes, ClientFactory.NoWait(), TimeProvider.System);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var unused in jobs.WatchAsync("default", new WatchOptions { ResourceVersion = "1" }, Token))
            {
            }
        });

        Assert.StartsWith("watch Job in namespace default: KubernetesClient could not read the watch stream", ex.Message, StringComparison.Ordinal);
    }

    internal static HttpOperationException Failure(HttpStatusCode status, string body)
    {
        using var response = new HttpResponseMessage(status);
        return new HttpOperationException($"Operation returned an invalid status code '{status}'")
        {
            Response = new HttpResponseMessageWrapper(response, body),
        };
    }
}
