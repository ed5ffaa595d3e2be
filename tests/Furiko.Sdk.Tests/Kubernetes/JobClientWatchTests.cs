using System.Net;
using System.Net.Http;
using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Models;
using Furiko.Sdk.Serialization;
using k8s;

namespace Furiko.Sdk.Tests.Kubernetes;

/// <summary>
/// The watch over canned streams: resume from the last resourceVersion after a stream ends, re-list after 410 Gone
/// and yield what the consumer missed, bookmarks, and failures.
/// </summary>
public sealed class JobClientWatchTests : IDisposable
{
    private const string JobsPath = "/apis/execution.furiko.io/v1alpha1/namespaces/default/jobs";

    private readonly RecordingHandler _server = new();
    private readonly k8s.Kubernetes _kubernetes;
    private readonly JobClient _jobs;

    public JobClientWatchTests()
    {
        _kubernetes = _server.CreateClient();
        _jobs = ClientFactory.Jobs(_kubernetes, maxAttempts: 3);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _kubernetes.Dispose();

    [Fact]
    public async Task Without_a_resource_version_it_lists_first_then_watches_from_the_list_and_resumes_after_the_stream_ends()
    {
        _server.AnswerJson(ApiBodies.JobList("10", null, ApiBodies.Job("a", "9", "uid-a"), ApiBodies.Job("b", "10", "uid-b")))
            .AnswerStream(ApiBodies.Event("MODIFIED", ApiBodies.Job("a", "11", "uid-a")))
            .AnswerStream(ApiBodies.Event("DELETED", ApiBodies.Job("b", "12", "uid-b")));

        var events = await TakeAsync(_jobs.WatchAsync("default", new WatchOptions { LabelSelector = "team=a" }, Token), 4);

        Assert.Equal(
            [(WatchEventType.Added, "a", "9"), (WatchEventType.Added, "b", "10"), (WatchEventType.Modified, "a", "11"), (WatchEventType.Deleted, "b", "12")],
            events.Select(Describe));
        Assert.Equal(
            [
                $"GET {JobsPath}?labelSelector=team%3Da&limit=500",
                $"GET {JobsPath}?allowWatchBookmarks=true&labelSelector=team%3Da&resourceVersion=10&watch=true",
                $"GET {JobsPath}?allowWatchBookmarks=true&labelSelector=team%3Da&resourceVersion=11&watch=true",
            ],
            _server.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
    }

    [Fact]
    public async Task With_a_resource_version_it_watches_from_there_across_all_namespaces()
    {
        _server.AnswerStream(ApiBodies.Event("ADDED", ApiBodies.Job("a", "6", ns: "team-a")));

        var events = await TakeAsync(
            _jobs.WatchAsync(null, new WatchOptions { ResourceVersion = "5", FieldSelector = "metadata.name=a", TimeoutSeconds = 300 }, Token),
            1);

        Assert.Equal((WatchEventType.Added, "a", "6"), Describe(Assert.Single(events)));
        Assert.Equal(
            "/apis/execution.furiko.io/v1alpha1/jobs?allowWatchBookmarks=true&fieldSelector=metadata.name%3Da&resourceVersion=5&timeoutSeconds=300&watch=true",
            Assert.Single(_server.Requests).PathAndQuery);
    }

    [Fact]
    public async Task A_bookmark_moves_the_resume_point_and_is_not_yielded()
    {
        _server.AnswerStream(ApiBodies.Bookmark("20"))
            .AnswerStream(ApiBodies.Event("ADDED", ApiBodies.Job("a", "21")));

        var events = await TakeAsync(_jobs.WatchAsync("default", new WatchOptions { ResourceVersion = "5" }, Token), 1);

        Assert.Equal((WatchEventType.Added, "a", "21"), Describe(Assert.Single(events)));
        Assert.Contains("resourceVersion=20&", _server.Requests[1].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_410_gone_it_lists_again_and_yields_what_changed_then_watches_from_the_new_list()
    {
        _server.AnswerJson(ApiBodies.JobList(
                "10",
                null,
                ApiBodies.Job("a", "10", "uid-a"),
                ApiBodies.Job("b", "10", "uid-b"),
                ApiBodies.Job("c", "10", "uid-c")))
            .AnswerStream(
                ApiBodies.Event("ADDED", ApiBodies.Job("e", "11", "uid-e")),
                ApiBodies.Gone())
            .AnswerJson(ApiBodies.JobList(
                "30",
                null,
                ApiBodies.Job("a", "10", "uid-a"),
                ApiBodies.Job("b", "25", "uid-b"),
                ApiBodies.Job("c", "26", "uid-c2"),
                ApiBodies.Job("d", "27", "uid-d")))
            .AnswerStream(ApiBodies.Event("MODIFIED", ApiBodies.Job("d", "31", "uid-d")));

        var events = await TakeAsync(_jobs.WatchAsync("default", cancellationToken: Token), 10);

        Assert.Equal(
            [
                (WatchEventType.Added, "a", "10"), (WatchEventType.Added, "b", "10"), (WatchEventType.Added, "c", "10"),
                (WatchEventType.Added, "e", "11"),

                // The re-list: a is unchanged, b changed, c was replaced (another UID), d is new, e is gone.
                (WatchEventType.Modified, "b", "25"),
                (WatchEventType.Deleted, "c", "10"), (WatchEventType.Added, "c", "26"),
                (WatchEventType.Added, "d", "27"),
                (WatchEventType.Deleted, "e", "11"),

                (WatchEventType.Modified, "d", "31"),
            ],
            events.Select(Describe));
        Assert.Equal(
            ["limit=500", "allowWatchBookmarks=true&resourceVersion=10&watch=true", "limit=500", "allowWatchBookmarks=true&resourceVersion=30&watch=true"],
            _server.Requests.Select(r => r.Query));
    }

    [Fact]
    public async Task A_410_answer_to_the_watch_request_itself_also_lists_again()
    {
        _server.Answer(HttpStatusCode.Gone, ApiBodies.Status(410, "Expired", "too old resource version: 5 (50)"))
            .AnswerJson(ApiBodies.JobList("50", null, ApiBodies.Job("a", "40")))
            .AnswerStream(ApiBodies.Event("MODIFIED", ApiBodies.Job("a", "51")));

        var events = await TakeAsync(_jobs.WatchAsync("default", new WatchOptions { ResourceVersion = "5" }, Token), 2);

        Assert.Equal([(WatchEventType.Added, "a", "40"), (WatchEventType.Modified, "a", "51")], events.Select(Describe));
        Assert.Contains("resourceVersion=50&", _server.Requests[2].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_already_yielded_is_not_yielded_again()
    {
        // A server may repeat the last event when a watch resumes at its version.
        _server.AnswerStream(ApiBodies.Event("ADDED", ApiBodies.Job("a", "6")))
            .AnswerStream(ApiBodies.Event("ADDED", ApiBodies.Job("a", "6")), ApiBodies.Event("MODIFIED", ApiBodies.Job("a", "7")));

        var events = await TakeAsync(_jobs.WatchAsync("default", new WatchOptions { ResourceVersion = "5" }, Token), 2);

        Assert.Equal([(WatchEventType.Added, "a", "6"), (WatchEventType.Modified, "a", "7")], events.Select(Describe));
    }

    [Fact]
    public async Task A_stream_that_ends_without_events_reconnects_from_the_same_version_and_never_counts_as_a_failure()
    {
        // More quiet ends than MaxAttempts (3): a server's time limit is not a failure.
        _server.AnswerStream().AnswerStream().AnswerStream().AnswerStream().AnswerStream(ApiBodies.Event("ADDED", ApiBodies.Job("a", "6")));

        var events = await TakeAsync(_jobs.WatchAsync("default", new WatchOptions { ResourceVersion = "5" }, Token), 1);

        Assert.Single(events);
        Assert.Equal(5, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.Contains("resourceVersion=5&", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_truncated_line_reconnects_from_the_last_version_and_loses_nothing()
    {
        _server.AnswerStream(ApiBodies.Event("ADDED", ApiBodies.Job("a", "6")), "{\"type\":\"MODIFIED\",\"object\":{\"kind\":\"Jo")
            .AnswerStream(ApiBodies.Event("MODIFIED", ApiBodies.Job("a", "7")));

        var events = await TakeAsync(_jobs.WatchAsync("default", new WatchOptions { ResourceVersion = "5" }, Token), 2);

        Assert.Equal([(WatchEventType.Added, "a", "6"), (WatchEventType.Modified, "a", "7")], events.Select(Describe));
        Assert.Contains("resourceVersion=6&", _server.Requests[1].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transient_error_event_or_failed_connection_is_retried()
    {
        _server.AnswerStream(ApiBodies.Event("ERROR", ApiBodies.Status(500, "InternalError", "etcd is unhappy")))
            .Fail(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"))
            .AnswerStream(ApiBodies.Event("ADDED", ApiBodies.Job("a", "6")));

        var events = await TakeAsync(_jobs.WatchAsync("default", new WatchOptions { ResourceVersion = "5" }, Token), 1);

        Assert.Single(events);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Consecutive_failures_up_to_the_bound_give_up_with_the_attempts()
    {
        for (var i = 0; i < 3; i++)
        {
            _server.Answer(HttpStatusCode.ServiceUnavailable, ApiBodies.Status(503, "ServiceUnavailable", "try later"));
        }

        var ex = await Assert.ThrowsAsync<FurikoApiTransientException>(
            () => TakeAsync(_jobs.WatchAsync("default", new WatchOptions { ResourceVersion = "5" }, Token), 1));

        Assert.Equal(3, _server.Requests.Count);
        Assert.Equal(3, ex.Attempts);
        Assert.Equal("watch Job in namespace default failed after 3 attempts: 503 ServiceUnavailable: try later", ex.Message);
    }

    [Fact]
    public async Task Failed_connections_wait_on_the_injected_time_provider()
    {
        using var time = new TimerWatchingTimeProvider(DateTimeOffset.UnixEpoch);
        var jobs = new JobClient(_kubernetes, new KubernetesRetryOptions { BaseDelay = TimeSpan.FromSeconds(1), UseJitter = false }, time);
        _server.Answer(HttpStatusCode.ServiceUnavailable).AnswerStream(ApiBodies.Event("ADDED", ApiBodies.Job("a", "6")));

        var watch = TakeAsync(jobs.WatchAsync("default", new WatchOptions { ResourceVersion = "5" }, Token), 1);
        await time.WaitForTimerAsync();
        time.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Delay(50, Token);
        Assert.Single(_server.Requests);

        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Single(await watch.WaitAsync(TimeSpan.FromSeconds(10), Token));
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Progress_resets_the_failure_count()
    {
        _server.Answer(HttpStatusCode.ServiceUnavailable)
            .Answer(HttpStatusCode.ServiceUnavailable)
            .AnswerStream(ApiBodies.Event("ADDED", ApiBodies.Job("a", "6")))
            .Answer(HttpStatusCode.ServiceUnavailable)
            .Answer(HttpStatusCode.ServiceUnavailable)
            .AnswerStream(ApiBodies.Event("ADDED", ApiBodies.Job("b", "7")));

        var events = await TakeAsync(_jobs.WatchAsync("default", new WatchOptions { ResourceVersion = "5" }, Token), 2);

        Assert.Equal(2, events.Count);
        Assert.Equal(6, _server.Requests.Count);
    }

    [Fact]
    public async Task A_refusing_error_event_ends_the_watch_with_the_mapped_exception()
    {
        _server.AnswerStream(ApiBodies.Event("ERROR", ApiBodies.Status(403, "Forbidden", "jobs.execution.furiko.io is forbidden")));

        var ex = await Assert.ThrowsAsync<FurikoApiException>(
            () => TakeAsync(_jobs.WatchAsync("default", new WatchOptions { ResourceVersion = "5" }, Token), 1));

        Assert.Equal("watch Job in namespace default failed: 403 Forbidden: jobs.execution.furiko.io is forbidden", ex.Message);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task An_event_whose_object_does_not_fit_the_model_is_a_serialization_error()
    {
        _server.AnswerStream(ApiBodies.Event("ADDED", ApiBodies.Job("a", "6", killTimestamp: "soon")));

        var ex = await Assert.ThrowsAsync<FurikoSerializationException>(
            () => TakeAsync(_jobs.WatchAsync("default", new WatchOptions { ResourceVersion = "5" }, Token), 1));

        Assert.Equal("$.spec.killTimestamp", ex.Path);
    }

    [Fact]
    public async Task Cancelling_stops_the_watch()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Token);
        _server.AnswerStream(ApiBodies.Event("ADDED", ApiBodies.Job("a", "6")));
        var watch = _jobs.WatchAsync("default", new WatchOptions { ResourceVersion = "5" }, cancel.Token).GetAsyncEnumerator(cancel.Token);

        Assert.True(await watch.MoveNextAsync());
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await watch.MoveNextAsync());
        await watch.DisposeAsync();
    }

    [Fact]
    public async Task Bad_watch_options_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _jobs.WatchAsync("default", new WatchOptions { TimeoutSeconds = 0 }, Token));
        Assert.Throws<ArgumentException>(() => _jobs.WatchAsync("default", new WatchOptions { ResourceVersion = string.Empty }, Token));
        await Task.CompletedTask;
        Assert.Empty(_server.Requests);
    }

    private static (WatchEventType, string, string) Describe(WatchEvent<Job> e) => (e.Type, e.Object.Metadata.Name, e.Object.Metadata.ResourceVersion);

    private static async Task<List<WatchEvent<Job>>> TakeAsync(IAsyncEnumerable<WatchEvent<Job>> watch, int count)
    {
        var events = new List<WatchEvent<Job>>();
        await foreach (var e in watch.WithCancellation(Token))
        {
            events.Add(e);
            if (events.Count == count)
            {
                break;
            }
        }

        return events;
    }
}
