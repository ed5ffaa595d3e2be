using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Termination.Deletion;

namespace Furiko.Sdk.Tests.Kubernetes;

/// <summary>What the Pod deletion strategy puts on the wire, and how it reads the answers.</summary>
public sealed class PodDeletionStrategyTests : IDisposable
{
    private readonly RecordingHandler _server = new();
    private readonly k8s.Kubernetes _kubernetes;

    public PodDeletionStrategyTests() => _kubernetes = _server.CreateClient();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _kubernetes.Dispose();

    private PodDeletionStrategy Strategy(long? gracePeriodSeconds = null, int maxAttempts = 3) =>
        new(_kubernetes, new PodDeletionOptions { GracePeriodSeconds = gracePeriodSeconds }, ClientFactory.NoWait(maxAttempts), TimeProvider.System);

    private static TaskDeletionRequest Request(TaskDeletionMode mode = TaskDeletionMode.Graceful, long? gracePeriodSeconds = null) =>
        new("jobs", "my-job-gezdqo-0", "pod-uid-1", mode, gracePeriodSeconds);

    [Fact]
    public async Task A_graceful_delete_sends_the_UID_precondition_and_no_grace_period_so_the_Pod_s_own_applies()
    {
        _server.AnswerJson("{}");

        var outcome = await Strategy().DeleteAsync(Request(), Token);

        Assert.Equal(TaskDeletionOutcome.Deleted, outcome);
        var sent = Assert.Single(_server.Requests);
        Assert.Equal("DELETE", sent.Method);
        Assert.Equal("/api/v1/namespaces/jobs/pods/my-job-gezdqo-0", sent.Path);
        Assert.DoesNotContain("gracePeriodSeconds", sent.Query, StringComparison.Ordinal);
        var body = JsonNode.Parse(sent.Body!)!.AsObject();
        Assert.Equal("pod-uid-1", body["preconditions"]!["uid"]!.GetValue<string>());
        Assert.False(body.ContainsKey("gracePeriodSeconds"));
    }

    [Fact]
    public async Task A_configured_grace_period_is_sent_with_graceful_deletes_and_a_request_s_own_wins()
    {
        _server.AnswerJson("{}").AnswerJson("{}");
        var strategy = Strategy(gracePeriodSeconds: 5);

        await strategy.DeleteAsync(Request(), Token);
        await strategy.DeleteAsync(Request(gracePeriodSeconds: 2), Token);

        Assert.Equal(5, JsonNode.Parse(_server.Requests[0].Body!)!["gracePeriodSeconds"]!.GetValue<long>());
        Assert.Equal(2, JsonNode.Parse(_server.Requests[1].Body!)!["gracePeriodSeconds"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_forced_delete_sends_grace_period_zero_in_body_and_query_with_the_UID_precondition()
    {
        _server.AnswerJson("{}");

        var outcome = await Strategy(gracePeriodSeconds: 5).DeleteAsync(Request(TaskDeletionMode.Force), Token);

        Assert.Equal(TaskDeletionOutcome.Deleted, outcome);
        var sent = Assert.Single(_server.Requests);
        Assert.Contains("gracePeriodSeconds=0", sent.Query, StringComparison.Ordinal);
        var body = JsonNode.Parse(sent.Body!)!;
        Assert.Equal(0, body["gracePeriodSeconds"]!.GetValue<long>());
        Assert.Equal("pod-uid-1", body["preconditions"]!["uid"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_404_means_the_Pod_is_already_gone_a_success()
    {
        _server.Answer(HttpStatusCode.NotFound, ApiBodies.Status(404, "NotFound", "pods \"my-job-gezdqo-0\" not found"));

        var outcome = await Strategy().DeleteAsync(Request(), Token);

        Assert.Equal(TaskDeletionOutcomeKind.AlreadyGone, outcome.Kind);
        Assert.True(outcome.Succeeded);
    }

    [Fact]
    public async Task A_409_on_the_UID_precondition_means_replaced_and_is_not_retried()
    {
        _server.Answer(
            HttpStatusCode.Conflict,
            ApiBodies.Status(409, "Conflict", "Operation cannot be fulfilled on Pod \"my-job-gezdqo-0\": Precondition failed: UID in precondition: pod-uid-1, UID in object meta: pod-uid-2"));

        var outcome = await Strategy().DeleteAsync(Request(), Token);

        Assert.Equal(TaskDeletionOutcomeKind.Replaced, outcome.Kind);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Transient_failures_are_retried_and_succeed()
    {
        _server.Answer(HttpStatusCode.ServiceUnavailable).Fail(new HttpRequestException("connection reset")).AnswerJson("{}");

        var outcome = await Strategy().DeleteAsync(Request(), Token);

        Assert.Equal(TaskDeletionOutcome.Deleted, outcome);
        Assert.Equal(3, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.Contains("pod-uid-1", r.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Transient_failures_past_the_retries_are_reported_failed_with_the_SDK_s_exception()
    {
        _server.Answer(HttpStatusCode.ServiceUnavailable).Answer(HttpStatusCode.ServiceUnavailable).Answer(HttpStatusCode.ServiceUnavailable);

        var outcome = await Strategy(maxAttempts: 3).DeleteAsync(Request(), Token);

        Assert.Equal(TaskDeletionOutcomeKind.Failed, outcome.Kind);
        var error = Assert.IsType<FurikoApiTransientException>(outcome.Error);
        Assert.Equal(3, error.Attempts);
        Assert.Equal("Pod", error.Failure.Kind);
        Assert.Equal("my-job-gezdqo-0", error.Name);
        Assert.Contains("delete Pod jobs/my-job-gezdqo-0 failed after 3 attempts: 503 ServiceUnavailable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_is_reported_failed_at_once()
    {
        _server.Answer(HttpStatusCode.Forbidden, ApiBodies.Status(403, "Forbidden", "pods \"my-job-gezdqo-0\" is forbidden: User \"ctl\" cannot delete resource \"pods\""));

        var outcome = await Strategy().DeleteAsync(Request(), Token);

        Assert.Equal(TaskDeletionOutcomeKind.Failed, outcome.Kind);
        var error = Assert.IsType<FurikoApiException>(outcome.Error);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Cancellation_is_thrown_not_reported()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Strategy().DeleteAsync(Request(), cancelled.Token));
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(PodDeletionOptions.MaxGracePeriodSeconds + 1)]
    public void An_out_of_range_grace_period_is_refused_naming_the_setting(long gracePeriodSeconds)
    {
        var error = Assert.Throws<ArgumentException>(() => Strategy(gracePeriodSeconds));

        Assert.Contains($"GracePeriodSeconds is {gracePeriodSeconds}; it must be unset (the Pod's own grace period) or from 0 to 31536000.", error.Message, StringComparison.Ordinal);
    }
}
