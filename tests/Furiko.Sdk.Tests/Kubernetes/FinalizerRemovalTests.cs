using System.Net;
using Furiko.Sdk.Kubernetes;

namespace Furiko.Sdk.Tests.Kubernetes;

/// <summary>Removing a finalizer by a JSON patch that tests its position, on the wire.</summary>
public sealed class FinalizerRemovalTests : IDisposable
{
    private const string Finalizer = "execution.furiko.io/delete-dependents-finalizer";
    private const string JobPath = "/apis/execution.furiko.io/v1alpha1/namespaces/default/jobs/my-job";

    private readonly RecordingHandler _server = new();
    private readonly k8s.Kubernetes _kubernetes;
    private readonly JobClient _jobs;

    public FinalizerRemovalTests()
    {
        _kubernetes = _server.CreateClient();
        _jobs = ClientFactory.Jobs(_kubernetes);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _kubernetes.Dispose();

    [Fact]
    public async Task The_patch_tests_the_finalizer_at_its_position_then_removes_it_there()
    {
        _server.AnswerJson(ApiBodies.Job(finalizers: ["other.io/keep", Finalizer]))
            .AnswerJson(ApiBodies.Job(resourceVersion: "43", finalizers: ["other.io/keep"]));

        var job = await _jobs.RemoveFinalizerAsync("default", "my-job", Finalizer, Token);

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(("GET", JobPath), (_server.Requests[0].Method, _server.Requests[0].PathAndQuery));
        var patch = _server.Requests[1];
        Assert.Equal(("PATCH", JobPath), (patch.Method, patch.PathAndQuery));
        Assert.Equal("application/json-patch+json; charset=utf-8", patch.ContentType);
        Assert.Equal(
            """[{"op":"test","path":"/metadata/finalizers/1","value":"execution.furiko.io/delete-dependents-finalizer"},{"op":"remove","path":"/metadata/finalizers/1"}]""",
            patch.Body);
        Assert.Equal(["other.io/keep"], job.Metadata.Finalizers);
    }

    [Fact]
    public async Task Every_occurrence_is_removed_from_the_last_position_first()
    {
        _server.AnswerJson(ApiBodies.Job(finalizers: [Finalizer, "other.io/keep", Finalizer]))
            .AnswerJson(ApiBodies.Job(finalizers: ["other.io/keep"]));

        await _jobs.RemoveFinalizerAsync("default", "my-job", Finalizer, Token);

        Assert.Equal(
            """[{"op":"test","path":"/metadata/finalizers/2","value":"execution.furiko.io/delete-dependents-finalizer"},{"op":"remove","path":"/metadata/finalizers/2"},"""
            + """{"op":"test","path":"/metadata/finalizers/0","value":"execution.furiko.io/delete-dependents-finalizer"},{"op":"remove","path":"/metadata/finalizers/0"}]""",
            _server.Requests[1].Body);
    }

    [Fact]
    public async Task A_failed_test_reads_the_job_again_and_patches_the_new_position()
    {
        // Someone removed "a.io/first" between our read and our patch: the entry at index 1 is no longer ours.
        _server.AnswerJson(ApiBodies.Job(finalizers: ["a.io/first", Finalizer]))
            .Answer(HttpStatusCode.UnprocessableEntity, ApiBodies.Status(422, "Invalid", "the server rejected our request due to an error in our request"))
            .AnswerJson(ApiBodies.Job(resourceVersion: "44", finalizers: [Finalizer, "b.io/added"]))
            .AnswerJson(ApiBodies.Job(resourceVersion: "45", finalizers: ["b.io/added"]));

        var job = await _jobs.RemoveFinalizerAsync("default", "my-job", Finalizer, Token);

        Assert.Equal(["GET", "PATCH", "GET", "PATCH"], _server.Requests.Select(r => r.Method));
        Assert.Contains("/metadata/finalizers/0", _server.Requests[3].Body, StringComparison.Ordinal);
        Assert.Equal(["b.io/added"], job.Metadata.Finalizers);
    }

    [Fact]
    public async Task Nothing_is_sent_when_the_job_does_not_have_the_finalizer()
    {
        _server.AnswerJson(ApiBodies.Job(finalizers: ["other.io/keep"]));

        var job = await _jobs.RemoveFinalizerAsync("default", "my-job", Finalizer, Token);

        Assert.Equal("GET", Assert.Single(_server.Requests).Method);
        Assert.Equal(["other.io/keep"], job.Metadata.Finalizers);
    }

    [Fact]
    public async Task Repeated_test_failures_give_up_with_the_invalid_error()
    {
        for (var i = 0; i < 5; i++)
        {
            _server.AnswerJson(ApiBodies.Job(finalizers: ["a.io/first", Finalizer]))
                .Answer(HttpStatusCode.UnprocessableEntity, ApiBodies.Status(422, "Invalid", "testing value /metadata/finalizers/1 failed"));
        }

        var ex = await Assert.ThrowsAsync<FurikoApiInvalidException>(() => _jobs.RemoveFinalizerAsync("default", "my-job", Finalizer, Token));

        Assert.Equal(10, _server.Requests.Count);
        Assert.Equal("patch Job default/my-job failed: 422 UnprocessableEntity (Invalid): testing value /metadata/finalizers/1 failed", ex.Message);
    }
}
