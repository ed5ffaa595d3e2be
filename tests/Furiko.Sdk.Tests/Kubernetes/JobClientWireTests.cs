using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Models;
using k8s.Models;
using NodaTime;

namespace Furiko.Sdk.Tests.Kubernetes;

/// <summary>Every verb of the typed client, as it goes on the wire through a real KubernetesClient.</summary>
public sealed class JobClientWireTests : IDisposable
{
    private const string JobsPath = "/apis/execution.furiko.io/v1alpha1/namespaces/default/jobs";

    private readonly RecordingHandler _server = new();
    private readonly k8s.Kubernetes _kubernetes;
    private readonly JobClient _jobs;

    public JobClientWireTests()
    {
        _kubernetes = _server.CreateClient();
        _jobs = ClientFactory.Jobs(_kubernetes);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _kubernetes.Dispose();

    [Fact]
    public async Task Get_reads_the_job_by_namespace_and_name()
    {
        _server.AnswerJson(ApiBodies.Job(killTimestamp: "2021-02-09T04:04:04Z"));

        var job = await _jobs.GetAsync("default", "my-job", Token);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal($"{JobsPath}/my-job", request.PathAndQuery);
        Assert.Null(request.Body);
        Assert.Equal("my-job", job.Metadata.Name);
        Assert.Equal("42", job.Metadata.ResourceVersion);
        Assert.Equal(Instant.FromUtc(2021, 2, 9, 4, 4, 4), job.Spec.KillTimestamp);
    }

    [Fact]
    public async Task List_sends_selectors_limit_and_continue_and_returns_the_continue_token()
    {
        _server.AnswerJson(ApiBodies.JobList("100", "next-page", ApiBodies.Job("a"), ApiBodies.Job("b")));

        var list = await _jobs.ListAsync(
            "default",
            new ListOptions { LabelSelector = "app=batch,tier!=web", FieldSelector = "metadata.name=a", Limit = 2, Continue = "this-page" },
            Token);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal(JobsPath, request.Path);
        Assert.Equal("continue=this-page&fieldSelector=metadata.name%3Da&labelSelector=app%3Dbatch%2Ctier%21%3Dweb&limit=2", request.Query);
        Assert.Equal(["a", "b"], list.Items.Select(j => j.Metadata.Name));
        Assert.Equal("next-page", list.Metadata.ContinueProperty);
        Assert.Equal("100", list.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task List_without_a_namespace_lists_all_namespaces()
    {
        _server.AnswerJson(ApiBodies.JobList("7", null, ApiBodies.Job("a", ns: "team-a")));

        var list = await _jobs.ListAsync(null, cancellationToken: Token);

        Assert.Equal("/apis/execution.furiko.io/v1alpha1/jobs", Assert.Single(_server.Requests).PathAndQuery);
        Assert.Equal("team-a", Assert.Single(list.Items).Metadata.NamespaceProperty);
    }

    [Fact]
    public async Task List_all_follows_continue_tokens_and_keeps_the_first_pages_resource_version()
    {
        _server.AnswerJson(ApiBodies.JobList("100", "page-2", ApiBodies.Job("a"), ApiBodies.Job("b")))
            .AnswerJson(ApiBodies.JobList("100", null, ApiBodies.Job("c")));

        var list = await _jobs.ListAllAsync("default", new ListOptions { LabelSelector = "x=y", Limit = 2 }, Token);

        Assert.Equal(["labelSelector=x%3Dy&limit=2", "continue=page-2&labelSelector=x%3Dy&limit=2"], _server.Requests.Select(r => r.Query));
        Assert.Equal(["a", "b", "c"], list.Items.Select(j => j.Metadata.Name));
        Assert.Equal("100", list.Metadata.ResourceVersion);
        Assert.Null(list.Metadata.ContinueProperty);
    }

    [Fact]
    public async Task List_all_uses_pages_of_500_by_default_and_starts_over_when_a_continue_token_expires()
    {
        _server.AnswerJson(ApiBodies.JobList("100", "page-2", ApiBodies.Job("a")))
            .Answer(HttpStatusCode.Gone, ApiBodies.Status(410, "Expired", "The provided continue parameter is too old to display a consistent list result."))
            .AnswerJson(ApiBodies.JobList("200", null, ApiBodies.Job("a"), ApiBodies.Job("b")));

        var list = await _jobs.ListAllAsync("default", cancellationToken: Token);

        Assert.Equal(["limit=500", "continue=page-2&limit=500", "limit=500"], _server.Requests.Select(r => r.Query));
        Assert.Equal(["a", "b"], list.Items.Select(j => j.Metadata.Name));
        Assert.Equal("200", list.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task List_all_refuses_a_continue_token_and_list_refuses_a_limit_below_one()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _jobs.ListAllAsync("default", new ListOptions { Continue = "x" }, Token));
        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _jobs.ListAsync("default", new ListOptions { Limit = 0 }, Token));
        Assert.Contains("Limit is 0", ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => _jobs.ListAsync(string.Empty, null, Token));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Create_posts_the_job_as_json_to_the_namespace()
    {
        _server.AnswerJson(ApiBodies.Job("new-job", resourceVersion: "1"));
        var job = new Job { Metadata = new V1ObjectMeta { Name = "new-job" }, Spec = new JobSpec { TtlSecondsAfterFinished = 60 } };

        var created = await _jobs.CreateAsync("default", job, Token);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(JobsPath, request.PathAndQuery);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal(
            """{"apiVersion":"execution.furiko.io/v1alpha1","kind":"Job","metadata":{"name":"new-job"},"spec":{"ttlSecondsAfterFinished":60}}""",
            request.Body);
        Assert.Equal("1", created.Metadata.ResourceVersion);
        Assert.Null(job.Metadata.NamespaceProperty);
    }

    [Fact]
    public async Task Create_checks_the_name_and_namespace_before_sending()
    {
        var other = new Job { Metadata = new V1ObjectMeta { Name = "x", NamespaceProperty = "other" } };
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _jobs.CreateAsync("default", other, Token));
        Assert.Contains("metadata.namespace is 'other'", ex.Message, StringComparison.Ordinal);

        var nameless = new Job();
        ex = await Assert.ThrowsAsync<ArgumentException>(() => _jobs.CreateAsync("default", nameless, Token));
        Assert.Contains("neither metadata.name nor metadata.generateName", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Merge_patch_from_a_json_object_keeps_an_explicit_null()
    {
        _server.AnswerJson(ApiBodies.Job());

        await _jobs.MergePatchAsync("default", "my-job", new JsonObject { ["spec"] = new JsonObject { ["killTimestamp"] = null } }, Token);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("PATCH", request.Method);
        Assert.Equal($"{JobsPath}/my-job", request.PathAndQuery);
        Assert.Equal("application/merge-patch+json; charset=utf-8", request.ContentType);
        Assert.Equal("""{"spec":{"killTimestamp":null}}""", request.Body);
    }

    [Fact]
    public async Task Merge_patch_from_text_sends_the_bytes_unchanged()
    {
        _server.AnswerJson(ApiBodies.Job());
        const string Patch = """{ "metadata": { "labels": { "team": "a" } }, "spec": { "killTimestamp": null } }""";

        var job = await _jobs.MergePatchAsync("default", "my-job", Patch, Token);

        Assert.Equal(Patch, Assert.Single(_server.Requests).Body);
        Assert.Equal("my-job", job.Metadata.Name);
    }

    [Theory]
    [InlineData("[]", "must be a JSON object, but it is Array")]
    [InlineData("null", "must be a JSON object, but it is null")]
    [InlineData("{\"spec\":", "not valid JSON")]
    public async Task Merge_patch_text_that_is_not_a_json_object_is_refused_before_sending(string patch, string expected)
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _jobs.MergePatchAsync("default", "my-job", patch, Token));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Equal("patch", ex.ParamName);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Replace_status_puts_the_object_to_the_status_subresource_with_its_resource_version()
    {
        _server.AnswerJson(ApiBodies.Job(resourceVersion: "43", phase: "Running"));
        var job = new Job
        {
            Metadata = new V1ObjectMeta { Name = "my-job", NamespaceProperty = "default", ResourceVersion = "42" },
            Status = new JobStatus { Phase = JobPhase.Running },
        };

        var written = await _jobs.ReplaceStatusAsync(job, Token);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"{JobsPath}/my-job/status", request.PathAndQuery);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal("42", body.RootElement.GetProperty("metadata").GetProperty("resourceVersion").GetString());
        Assert.Equal("Running", body.RootElement.GetProperty("status").GetProperty("phase").GetString());
        Assert.Equal("43", written.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Replace_status_with_a_stale_resource_version_is_a_conflict_and_is_not_retried()
    {
        _server.Answer(HttpStatusCode.Conflict, ApiBodies.Conflict("my-job"));
        var job = new Job { Metadata = new V1ObjectMeta { Name = "my-job", NamespaceProperty = "default", ResourceVersion = "41" } };

        var ex = await Assert.ThrowsAsync<FurikoApiConflictException>(() => _jobs.ReplaceStatusAsync(job, Token));

        Assert.Single(_server.Requests);
        Assert.Equal("update", ex.Verb);
        Assert.Equal("jobs/status", ex.Resource);
        Assert.False(ex.IsAlreadyExists);
    }

    [Fact]
    public async Task Replace_status_needs_a_resource_version()
    {
        var job = new Job { Metadata = new V1ObjectMeta { Name = "my-job", NamespaceProperty = "default" } };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _jobs.ReplaceStatusAsync(job, Token));

        Assert.Contains("Job default/my-job has no metadata.resourceVersion", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Delete_sends_the_propagation_policy_and_preconditions_in_the_body()
    {
        _server.AnswerJson(ApiBodies.Status(200, string.Empty, string.Empty));

        await _jobs.DeleteAsync(
            "default",
            "my-job",
            new DeleteOptions { Propagation = DeletePropagation.Foreground, PreconditionUid = "uid-1", PreconditionResourceVersion = "42" },
            Token);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal($"{JobsPath}/my-job", request.PathAndQuery);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal("""{"preconditions":{"resourceVersion":"42","uid":"uid-1"},"propagationPolicy":"Foreground"}""", request.Body);
    }

    [Fact]
    public async Task Delete_without_options_sends_no_body_and_a_failed_precondition_is_a_conflict()
    {
        _server.AnswerJson(ApiBodies.Job())
            .Answer(HttpStatusCode.Conflict, ApiBodies.Status(409, "Conflict", "Precondition failed: UID in precondition: uid-0, UID in object meta: uid-1"));

        await _jobs.DeleteAsync("default", "my-job", cancellationToken: Token);
        var ex = await Assert.ThrowsAsync<FurikoApiConflictException>(
            () => _jobs.DeleteAsync("default", "my-job", new DeleteOptions { PreconditionUid = "uid-0" }, Token));

        Assert.Null(_server.Requests[0].Body);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(
            "delete Job default/my-job failed: 409 Conflict: Precondition failed: UID in precondition: uid-0, UID in object meta: uid-1",
            ex.Message);
    }

    [Fact]
    public async Task Job_configs_use_their_own_resource_path()
    {
        using var kubernetes = _server.CreateClient();
        var configs = new JobConfigClient(kubernetes, ClientFactory.NoWait(), TimeProvider.System);
        _server.AnswerJson("""{"apiVersion":"execution.furiko.io/v1alpha1","kind":"JobConfig","metadata":{"name":"cfg","namespace":"default"},"spec":{}}""");

        var config = await configs.GetAsync("default", "cfg", Token);

        Assert.Equal("/apis/execution.furiko.io/v1alpha1/namespaces/default/jobconfigs/cfg", Assert.Single(_server.Requests).PathAndQuery);
        Assert.Equal("cfg", config.Metadata.Name);
    }
}
