using System.Net;
using System.Net.Http;
using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Models;
using Furiko.Sdk.Serialization;
using k8s.Models;

namespace Furiko.Sdk.Tests.Kubernetes;

/// <summary>What KubernetesClient throws, turned into the SDK's exceptions with clear messages.</summary>
public sealed class ApiErrorMappingTests : IDisposable
{
    private readonly RecordingHandler _server = new();
    private readonly k8s.Kubernetes _kubernetes;
    private readonly JobClient _jobs;

    public ApiErrorMappingTests()
    {
        _kubernetes = _server.CreateClient();
        _jobs = ClientFactory.Jobs(_kubernetes, maxAttempts: 2);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _kubernetes.Dispose();

    [Fact]
    public async Task Not_found_names_the_verb_the_job_the_status_and_the_servers_message()
    {
        _server.Answer(HttpStatusCode.NotFound, ApiBodies.NotFound("my-job"));

        var ex = await Assert.ThrowsAsync<FurikoApiNotFoundException>(() => _jobs.GetAsync("default", "my-job", Token));

        Assert.Equal("get Job default/my-job failed: 404 NotFound: jobs.execution.furiko.io \"my-job\" not found", ex.Message);
        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal(("get", "jobs", "default", "my-job", "NotFound"), (ex.Verb, ex.Resource, ex.Namespace, ex.Name, ex.Reason));
        Assert.Equal("jobs.execution.furiko.io \"my-job\" not found", ex.ServerMessage);
        Assert.Equal("Job", ex.Failure.Kind);
        Assert.IsType<k8s.Autorest.HttpOperationException>(ex.InnerException);
    }

    [Fact]
    public async Task Already_exists_is_a_conflict_that_says_so()
    {
        _server.Answer(HttpStatusCode.Conflict, ApiBodies.Status(409, "AlreadyExists", "jobs.execution.furiko.io \"my-job\" already exists"));

        var ex = await Assert.ThrowsAsync<FurikoApiConflictException>(
            () => _jobs.CreateAsync("default", new Job { Metadata = new V1ObjectMeta { Name = "my-job" } }, Token));

        Assert.True(ex.IsAlreadyExists);
        Assert.Equal("create Job default/my-job failed: 409 Conflict (AlreadyExists): jobs.execution.furiko.io \"my-job\" already exists", ex.Message);
    }

    [Fact]
    public async Task Invalid_carries_the_validation_message()
    {
        const string Message = "Job.execution.furiko.io \"my-job\" is invalid: spec.killTimestamp: Invalid value: null: field is immutable once passed";
        _server.Answer(HttpStatusCode.UnprocessableEntity, ApiBodies.Status(422, "Invalid", Message));

        var ex = await Assert.ThrowsAsync<FurikoApiInvalidException>(
            () => _jobs.MergePatchAsync("default", "my-job", """{"spec":{"killTimestamp":null}}""", Token));

        Assert.Equal($"patch Job default/my-job failed: 422 UnprocessableEntity (Invalid): {Message}", ex.Message);
        Assert.Equal("Invalid", ex.Reason);
    }

    [Fact]
    public async Task Other_statuses_are_the_base_exception()
    {
        _server.Answer(
            HttpStatusCode.Forbidden,
            ApiBodies.Status(403, "Forbidden", "jobs.execution.furiko.io is forbidden: User \"bob\" cannot list resource \"jobs\" in API group \"execution.furiko.io\" in the namespace \"default\""));

        var ex = await Assert.ThrowsAsync<FurikoApiException>(() => _jobs.ListAsync("default", cancellationToken: Token));

        Assert.Equal(typeof(FurikoApiException), ex.GetType());
        Assert.Single(_server.Requests);
        Assert.StartsWith("list Job in namespace default failed: 403 Forbidden: jobs.execution.furiko.io is forbidden: User \"bob\"", ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.Name);
    }

    [Fact]
    public async Task A_body_that_is_not_a_status_is_quoted_in_the_message()
    {
        _server.Answer(HttpStatusCode.BadGateway, "<html>bad gateway</html>").Answer(HttpStatusCode.BadGateway, "<html>bad gateway</html>");

        var ex = await Assert.ThrowsAsync<FurikoApiTransientException>(() => _jobs.ListAsync(null, cancellationToken: Token));

        Assert.Equal("list Job in all namespaces failed after 2 attempts: 502 BadGateway: <html>bad gateway</html>", ex.Message);
        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Equal(2, ex.Attempts);
    }

    [Fact]
    public async Task A_connection_failure_is_transient_and_says_what_happened()
    {
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (kube.test:80)");
        _server.Fail(refused).Fail(refused);

        var ex = await Assert.ThrowsAsync<FurikoApiTransientException>(() => _jobs.GetAsync("default", "my-job", Token));

        Assert.Equal(
            "get Job default/my-job failed after 2 attempts: no answer from the API server (HttpRequestException: Connection refused (kube.test:80))",
            ex.Message);
        Assert.Null(ex.StatusCode);
        Assert.Same(refused, ex.InnerException);
    }

    [Fact]
    public async Task A_reset_connection_is_transient()
    {
        _server.Fail(new IOException("Connection reset by peer")).Fail(new IOException("Connection reset by peer"));

        var ex = await Assert.ThrowsAsync<FurikoApiTransientException>(() => _jobs.GetAsync("default", "my-job", Token));

        Assert.Contains("Connection reset by peer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timeout_is_transient_but_the_callers_cancellation_is_not_wrapped()
    {
        _server.Fail(new TaskCanceledException("timed out")).Fail(new TaskCanceledException("timed out"));

        var ex = await Assert.ThrowsAsync<FurikoApiTransientException>(() => _jobs.GetAsync("default", "my-job", Token));
        Assert.Equal("get Job default/my-job failed after 2 attempts: the request timed out", ex.Message);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _jobs.GetAsync("default", "my-job", cancelled.Token));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_serialization_error()
    {
        _server.AnswerJson("{\"apiVersion\":");

        var ex = await Assert.ThrowsAsync<FurikoSerializationException>(() => _jobs.GetAsync("default", "my-job", Token));

        Assert.Single(_server.Requests);
        Assert.StartsWith("get Job default/my-job: the API server's answer is not valid JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_does_not_fit_the_model_names_the_field()
    {
        _server.AnswerJson(ApiBodies.Job(killTimestamp: "yesterday"));

        var ex = await Assert.ThrowsAsync<FurikoSerializationException>(() => _jobs.GetAsync("default", "my-job", Token));

        Assert.Equal("$.spec.killTimestamp", ex.Path);
        Assert.Contains("yesterday", ex.Message, StringComparison.Ordinal);
    }
}
