using System.Net;
using System.Net.Http;
using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Models;
using k8s.Models;

namespace Furiko.Sdk.Tests.Kubernetes;

/// <summary>Transient failures are retried with bounded backoff on the injected time; other failures are not.</summary>
public sealed class RetryTests : IDisposable
{
    private readonly RecordingHandler _server = new();
    private readonly k8s.Kubernetes _kubernetes;
    private readonly TimerWatchingTimeProvider _time = new(new DateTimeOffset(2021, 2, 9, 4, 0, 0, TimeSpan.Zero));

    public RetryTests() => _kubernetes = _server.CreateClient();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _kubernetes.Dispose();
        _time.Dispose();
    }

    [Fact]
    public async Task A_429_waits_exactly_as_long_as_retry_after_says()
    {
        var jobs = new JobClient(_kubernetes, new KubernetesRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(10), UseJitter = false }, _time);
        _server.Answer(HttpStatusCode.TooManyRequests, ApiBodies.Status(429, "TooManyRequests", "Too many requests, please try again later."), ("Retry-After", "3"))
            .AnswerJson(ApiBodies.Job());

        var get = jobs.GetAsync("default", "my-job", Token);
        await _server.WaitForRequestsAsync(1);
        await _time.WaitForTimerAsync();
        _time.Advance(TimeSpan.FromMilliseconds(2999));
        await Task.Delay(50, Token);
        Assert.Single(_server.Requests);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        var job = await get.WaitAsync(TimeSpan.FromSeconds(10), Token);

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal("my-job", job.Metadata.Name);
    }

    [Fact]
    public async Task Waits_grow_exponentially_from_the_base_delay()
    {
        var jobs = new JobClient(_kubernetes, new KubernetesRetryOptions { BaseDelay = TimeSpan.FromSeconds(1), UseJitter = false }, _time);
        _server.Answer(HttpStatusCode.ServiceUnavailable).Answer(HttpStatusCode.ServiceUnavailable).AnswerJson(ApiBodies.Job());

        var get = jobs.GetAsync("default", "my-job", Token);
        await _server.WaitForRequestsAsync(1);
        await _time.WaitForTimerAsync();
        _time.Advance(TimeSpan.FromSeconds(1));
        await _server.WaitForRequestsAsync(2);
        await _time.WaitForTimerAsync();
        _time.Advance(TimeSpan.FromMilliseconds(1999));
        await Task.Delay(50, Token);
        Assert.Equal(2, _server.Requests.Count);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        await get.WaitAsync(TimeSpan.FromSeconds(10), Token);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task A_503_then_success_returns_the_result()
    {
        var jobs = ClientFactory.Jobs(_kubernetes);
        _server.Answer(HttpStatusCode.ServiceUnavailable, ApiBodies.Status(503, "ServiceUnavailable", "etcdserver: leader changed")).AnswerJson(ApiBodies.Job());

        var job = await jobs.GetAsync("default", "my-job", Token);

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal("my-job", job.Metadata.Name);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Each_transient_status_is_retried(HttpStatusCode status)
    {
        var jobs = ClientFactory.Jobs(_kubernetes);
        _server.Answer(status).AnswerJson(ApiBodies.Job());

        await jobs.GetAsync("default", "my-job", Token);

        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task When_the_bound_is_reached_the_exception_says_how_many_attempts_were_made()
    {
        var jobs = ClientFactory.Jobs(_kubernetes, maxAttempts: 3);
        for (var i = 0; i < 4; i++)
        {
            _server.Answer(HttpStatusCode.ServiceUnavailable, ApiBodies.Status(503, "ServiceUnavailable", "etcdserver: leader changed"));
        }

        var ex = await Assert.ThrowsAsync<FurikoApiTransientException>(() => jobs.GetAsync("default", "my-job", Token));

        Assert.Equal(3, _server.Requests.Count);
        Assert.Equal(3, ex.Attempts);
        Assert.Equal("get Job default/my-job failed after 3 attempts: 503 ServiceUnavailable: etcdserver: leader changed", ex.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, typeof(FurikoApiNotFoundException))]
    [InlineData(HttpStatusCode.Conflict, typeof(FurikoApiConflictException))]
    [InlineData(HttpStatusCode.UnprocessableEntity, typeof(FurikoApiInvalidException))]
    [InlineData(HttpStatusCode.BadRequest, typeof(FurikoApiException))]
    public async Task Not_found_conflict_and_invalid_are_never_retried(HttpStatusCode status, Type expected)
    {
        var jobs = ClientFactory.Jobs(_kubernetes);
        _server.Answer(status, ApiBodies.Status((int)status, "Whatever", "no")).AnswerJson(ApiBodies.Job());

        var ex = await Assert.ThrowsAnyAsync<FurikoApiException>(() => jobs.MergePatchAsync("default", "my-job", "{}", Token));

        Assert.Equal(expected, ex.GetType());
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task One_attempt_turns_retries_off()
    {
        var jobs = ClientFactory.Jobs(_kubernetes, maxAttempts: 1);
        _server.Answer(HttpStatusCode.ServiceUnavailable).AnswerJson(ApiBodies.Job());

        var ex = await Assert.ThrowsAsync<FurikoApiTransientException>(() => jobs.GetAsync("default", "my-job", Token));

        Assert.Single(_server.Requests);
        Assert.Equal("get Job default/my-job failed after 1 attempt: 503 ServiceUnavailable", ex.Message);
    }

    [Fact]
    public async Task A_create_with_a_generated_name_is_not_retried_when_the_server_may_have_acted()
    {
        var jobs = ClientFactory.Jobs(_kubernetes);
        _server.Answer(HttpStatusCode.ServiceUnavailable).AnswerJson(ApiBodies.Job());
        var job = new Job { Metadata = new V1ObjectMeta { GenerateName = "my-job-" } };

        var ex = await Assert.ThrowsAsync<FurikoApiTransientException>(() => jobs.CreateAsync("default", job, Token));

        Assert.Single(_server.Requests);
        Assert.Equal(1, ex.Attempts);
        Assert.Equal("create Job in namespace default failed after 1 attempt: 503 ServiceUnavailable", ex.Message);
    }

    [Fact]
    public async Task A_create_with_a_generated_name_is_retried_when_the_request_never_left()
    {
        var jobs = ClientFactory.Jobs(_kubernetes);
        _server.Fail(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"))
            .Answer(HttpStatusCode.TooManyRequests)
            .AnswerJson(ApiBodies.Job("my-job-x7k2p"));
        var job = new Job { Metadata = new V1ObjectMeta { GenerateName = "my-job-" } };

        var created = await jobs.CreateAsync("default", job, Token);

        Assert.Equal(3, _server.Requests.Count);
        Assert.Equal("my-job-x7k2p", created.Metadata.Name);
    }

    [Fact]
    public async Task A_named_create_retried_after_an_unanswered_attempt_explains_already_exists()
    {
        var jobs = ClientFactory.Jobs(_kubernetes);
        _server.Answer(HttpStatusCode.GatewayTimeout)
            .Answer(HttpStatusCode.Conflict, ApiBodies.Status(409, "AlreadyExists", "jobs.execution.furiko.io \"my-job\" already exists"));
        var job = new Job { Metadata = new V1ObjectMeta { Name = "my-job" } };

        var ex = await Assert.ThrowsAsync<FurikoApiConflictException>(() => jobs.CreateAsync("default", job, Token));

        Assert.Equal(2, _server.Requests.Count);
        Assert.True(ex.IsAlreadyExists);
        Assert.Equal(
            "create Job default/my-job failed: 409 Conflict (AlreadyExists): jobs.execution.furiko.io \"my-job\" already exists "
            + "(after 2 attempts: an earlier attempt failed without an answer and may have been carried out)",
            ex.Message);
    }

    [Fact]
    public async Task Retry_after_longer_than_the_max_delay_is_cut_to_it()
    {
        var jobs = new JobClient(_kubernetes, new KubernetesRetryOptions { BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.FromSeconds(2), UseJitter = false }, _time);
        _server.Answer(HttpStatusCode.TooManyRequests, null, ("Retry-After", "600")).AnswerJson(ApiBodies.Job());

        var get = jobs.GetAsync("default", "my-job", Token);
        await _server.WaitForRequestsAsync(1);
        await _time.WaitForTimerAsync();
        _time.Advance(TimeSpan.FromSeconds(2));

        await get.WaitAsync(TimeSpan.FromSeconds(10), Token);
        Assert.Equal(2, _server.Requests.Count);
    }
}
