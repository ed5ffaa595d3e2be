using System.Net;
using Furiko.Sdk.KillRequests;
using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Tests.Kubernetes;
using NodaTime;
using NodaTime.Testing;

namespace Furiko.Sdk.Tests.KillRequests;

/// <summary>The kill request service over a real KubernetesClient and a fake API server: rules, order, bytes on the wire.</summary>
public sealed class KillRequestServiceTests : IDisposable
{
    private const string JobPath = "/apis/execution.furiko.io/v1alpha1/namespaces/default/jobs/my-job";
    private static readonly Instant Now = Instant.FromUtc(2021, 2, 9, 4, 4, 4);

    private readonly RecordingHandler _server = new();
    private readonly k8s.Kubernetes _kubernetes;
    private readonly FakeClock _clock = new(Now);
    private readonly KillRequestService _service;

    public KillRequestServiceTests()
    {
        _kubernetes = _server.CreateClient();
        _service = new KillRequestService(ClientFactory.Jobs(_kubernetes), _clock);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _kubernetes.Dispose();

    private Task<KillRequestResult> Kill(KillRequest request) => _service.RequestKillAsync("default", "my-job", request, Token);

    private async Task<KillRequestRefusedException> Refused(KillRequest request, KillRequestRule rule)
    {
        var ex = await Assert.ThrowsAsync<KillRequestRefusedException>(() => Kill(request));
        Assert.Equal(rule, ex.Rule);
        return ex;
    }

    [Fact]
    public async Task A_kill_now_patches_the_kill_timestamp_alone_with_the_resource_version_as_precondition()
    {
        _server.AnswerJson(ApiBodies.Job())
            .AnswerJson(ApiBodies.Job(resourceVersion: "43", killTimestamp: "2021-02-09T04:04:04Z"));

        var result = await Kill(KillRequest.Now);

        Assert.Equal(["GET", "PATCH"], _server.Requests.Select(r => r.Method));
        var patch = _server.Requests[1];
        Assert.Equal(JobPath, patch.PathAndQuery);
        Assert.Equal("application/merge-patch+json; charset=utf-8", patch.ContentType);
        Assert.Equal("""{"metadata":{"resourceVersion":"42"},"spec":{"killTimestamp":"2021-02-09T04:04:04Z"}}""", patch.Body);
        Assert.Equal(Now, result.KillAt);
        Assert.Equal("43", result.Job.Metadata.ResourceVersion);
        Assert.Equal(Now, result.Job.Spec.KillTimestamp);
    }

    [Fact]
    public async Task A_kill_after_a_duration_sends_now_plus_the_duration_with_fraction_digits_only_when_needed()
    {
        _server.AnswerJson(ApiBodies.Job()).AnswerJson(ApiBodies.Job());

        var result = await Kill(KillRequest.AfterDuration(Duration.FromMilliseconds(90_500)));

        Assert.Equal(Now + Duration.FromMilliseconds(90_500), result.KillAt);
        Assert.Equal("""{"metadata":{"resourceVersion":"42"},"spec":{"killTimestamp":"2021-02-09T04:05:34.5Z"}}""", _server.Requests[1].Body);
    }

    [Fact]
    public async Task Arguments_are_checked_first()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _service.RequestKillAsync(string.Empty, "my-job", KillRequest.Now, Token));
        await Assert.ThrowsAsync<ArgumentException>(() => _service.RequestKillAsync("default", string.Empty, new KillRequest { At = Now, After = Duration.Zero }, Token));
        await Assert.ThrowsAsync<ArgumentNullException>(() => _service.RequestKillAsync("default", "my-job", null!, Token));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task At_and_after_together_are_refused_before_anything_is_sent()
    {
        var ex = await Refused(new KillRequest { At = Now - Duration.FromDays(1), After = Duration.FromMinutes(1) }, KillRequestRule.AtAndAfterTogether);

        Assert.Equal("cannot specify both --after and --at together", ex.Message);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_time_in_the_past_is_refused_before_the_job_is_fetched()
    {
        var ex = await Refused(KillRequest.AtInstant(Now - Duration.FromSeconds(1)), KillRequestRule.TimeInThePast);

        Assert.Equal("cannot specify to kill job after a time in the past: 2021-02-09 04:04:03 +0000 UTC", ex.Message);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_missing_job_is_not_found_after_one_read()
    {
        _server.Answer(HttpStatusCode.NotFound, ApiBodies.NotFound("my-job"));

        var ex = await Assert.ThrowsAsync<FurikoApiNotFoundException>(() => Kill(KillRequest.Now));

        Assert.Equal("get Job default/my-job failed: 404 NotFound: jobs.execution.furiko.io \"my-job\" not found", ex.Message);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_finished_job_is_refused_before_its_kill_time_is_looked_at()
    {
        _server.AnswerJson(ApiBodies.Job(phase: "Succeeded", killTimestamp: "2021-02-09T04:00:00Z"));

        var ex = await Refused(KillRequest.Now, KillRequestRule.JobFinished);

        Assert.Contains("default/my-job has already finished with phase Succeeded", ex.Message, StringComparison.Ordinal);
        Assert.Equal("GET", Assert.Single(_server.Requests).Method);
    }

    [Fact]
    public async Task An_existing_kill_time_needs_override()
    {
        _server.AnswerJson(ApiBodies.Job(killTimestamp: "2021-02-09T04:14:04Z"));

        var ex = await Refused(KillRequest.Now, KillRequestRule.KillTimeAlreadySet);

        Assert.Equal("job already has a kill timestamp set to 2021-02-09 04:14:04 +0000 UTC, use --override to override previous value", ex.Message);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_passed_kill_time_cannot_be_changed_even_with_override()
    {
        _server.AnswerJson(ApiBodies.Job(killTimestamp: "2021-02-09T04:00:00Z"));

        var ex = await Refused(KillRequest.AfterDuration(Duration.FromMinutes(5)) with { Override = true }, KillRequestRule.KillTimeImmutableOncePassed);

        Assert.Equal("spec.killTimestamp: Invalid value: 2021-02-09 04:09:04 +0000 UTC: field is immutable once passed", ex.Message);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_future_kill_time_can_be_overridden()
    {
        _server.AnswerJson(ApiBodies.Job(killTimestamp: "2021-02-09T05:00:00Z")).AnswerJson(ApiBodies.Job());

        await Kill(KillRequest.Now with { Override = true });

        Assert.Equal("""{"metadata":{"resourceVersion":"42"},"spec":{"killTimestamp":"2021-02-09T04:04:04Z"}}""", _server.Requests[1].Body);
    }

    [Fact]
    public async Task A_conflict_reads_the_job_again_checks_it_again_and_resends_with_the_new_version()
    {
        _server.AnswerJson(ApiBodies.Job(resourceVersion: "42"))
            .Answer(HttpStatusCode.Conflict, ApiBodies.Conflict("my-job"))
            .AnswerJson(ApiBodies.Job(resourceVersion: "43"))
            .AnswerJson(ApiBodies.Job(resourceVersion: "44", killTimestamp: "2021-02-09T04:04:04Z"));

        var result = await Kill(KillRequest.Now);

        Assert.Equal(["GET", "PATCH", "GET", "PATCH"], _server.Requests.Select(r => r.Method));
        Assert.Equal("""{"metadata":{"resourceVersion":"43"},"spec":{"killTimestamp":"2021-02-09T04:04:04Z"}}""", _server.Requests[3].Body);
        Assert.Equal("44", result.Job.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task After_a_conflict_a_kill_time_set_by_someone_else_is_refused()
    {
        _server.AnswerJson(ApiBodies.Job())
            .Answer(HttpStatusCode.Conflict, ApiBodies.Conflict("my-job"))
            .AnswerJson(ApiBodies.Job(resourceVersion: "43", killTimestamp: "2021-02-09T06:00:00Z"));

        await Refused(KillRequest.Now, KillRequestRule.KillTimeAlreadySet);

        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task After_a_conflict_the_requested_kill_time_already_in_place_is_success_without_another_patch()
    {
        // The first patch landed but its answer was lost; the retry met the changed version.
        _server.AnswerJson(ApiBodies.Job())
            .Answer(HttpStatusCode.Conflict, ApiBodies.Conflict("my-job"))
            .AnswerJson(ApiBodies.Job(resourceVersion: "43", killTimestamp: "2021-02-09T04:04:04Z"));

        var result = await Kill(KillRequest.Now);

        Assert.Equal(3, _server.Requests.Count);
        Assert.Equal("43", result.Job.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Conflicts_are_bounded()
    {
        var service = new KillRequestService(ClientFactory.Jobs(_kubernetes), _clock, new KillRequestServiceOptions { MaxAttempts = 2 });
        _server.AnswerJson(ApiBodies.Job())
            .Answer(HttpStatusCode.Conflict, ApiBodies.Conflict("my-job"))
            .AnswerJson(ApiBodies.Job(resourceVersion: "43"))
            .Answer(HttpStatusCode.Conflict, ApiBodies.Conflict("my-job"));

        var ex = await Assert.ThrowsAsync<FurikoApiConflictException>(() => service.RequestKillAsync("default", "my-job", KillRequest.Now, Token));

        Assert.Equal(4, _server.Requests.Count);
        Assert.EndsWith("(the Job kept changing: gave up after 2 attempts)", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("patch Job default/my-job failed: 409 Conflict: Operation cannot be fulfilled", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_sends_an_explicit_null_with_the_resource_version()
    {
        _server.AnswerJson(ApiBodies.Job(killTimestamp: "2021-02-09T05:00:00Z")).AnswerJson(ApiBodies.Job(resourceVersion: "43"));

        var result = await _service.CancelKillAsync("default", "my-job", Token);

        var patch = _server.Requests[1];
        Assert.Equal(("PATCH", JobPath, "application/merge-patch+json; charset=utf-8"), (patch.Method, patch.PathAndQuery, patch.ContentType));
        Assert.Equal("""{"metadata":{"resourceVersion":"42"},"spec":{"killTimestamp":null}}""", patch.Body);
        Assert.Equal(Instant.FromUtc(2021, 2, 9, 5, 0, 0), result.ClearedKillTime);
        Assert.Null(result.Job.Spec.KillTimestamp);
    }

    [Fact]
    public async Task Cancelling_without_a_kill_time_sends_nothing()
    {
        _server.AnswerJson(ApiBodies.Job());

        var result = await _service.CancelKillAsync("default", "my-job", Token);

        Assert.Equal("GET", Assert.Single(_server.Requests).Method);
        Assert.Null(result.ClearedKillTime);
    }

    [Fact]
    public async Task Cancelling_a_passed_kill_time_is_refused_with_the_webhooks_message()
    {
        _server.AnswerJson(ApiBodies.Job(killTimestamp: "2021-02-09T04:04:03Z"));

        var ex = await Assert.ThrowsAsync<KillRequestRefusedException>(() => _service.CancelKillAsync("default", "my-job", Token));

        Assert.Equal(KillRequestRule.KillTimeImmutableOncePassed, ex.Rule);
        Assert.Equal("spec.killTimestamp: Invalid value: null: field is immutable once passed", ex.Message);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Cancelling_after_a_conflict_reads_again_and_clears_the_current_kill_time()
    {
        _server.AnswerJson(ApiBodies.Job(killTimestamp: "2021-02-09T05:00:00Z"))
            .Answer(HttpStatusCode.Conflict, ApiBodies.Conflict("my-job"))
            .AnswerJson(ApiBodies.Job(resourceVersion: "43", killTimestamp: "2021-02-09T06:00:00Z"))
            .AnswerJson(ApiBodies.Job(resourceVersion: "44"));

        var result = await _service.CancelKillAsync("default", "my-job", Token);

        Assert.Equal("""{"metadata":{"resourceVersion":"43"},"spec":{"killTimestamp":null}}""", _server.Requests[3].Body);
        Assert.Equal(Instant.FromUtc(2021, 2, 9, 6, 0, 0), result.ClearedKillTime);
    }

    [Fact]
    public void Options_are_validated()
    {
        Assert.Equal(["MaxAttempts is 0; it must be from 1 to 100."], new KillRequestServiceOptions { MaxAttempts = 0 }.Validate());
        Assert.Throws<ArgumentException>(() => new KillRequestService(ClientFactory.Jobs(_kubernetes), _clock, new KillRequestServiceOptions { MaxAttempts = 101 }));
    }
}
