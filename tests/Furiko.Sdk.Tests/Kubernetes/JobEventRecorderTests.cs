using System.Net;
using System.Text.Json.Nodes;
using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Models;
using k8s.Models;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;
using NSubstitute;

namespace Furiko.Sdk.Tests.Kubernetes;

/// <summary>The Events recorded on a Job, as <c>kubectl describe</c> shows them, and what happens when one fails.</summary>
public sealed class JobEventRecorderTests : IDisposable
{
    private static readonly Instant T0 = Instant.FromUtc(2024, 5, 1, 12, 0, 0);

    private readonly RecordingHandler _server = new();
    private readonly k8s.Kubernetes _kubernetes;

    public JobEventRecorderTests() => _kubernetes = _server.CreateClient();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _kubernetes.Dispose();

    private static Job Job => new()
    {
        Metadata = new V1ObjectMeta { Name = "nightly", NamespaceProperty = "jobs", Uid = "job-uid", ResourceVersion = "42" },
    };

    private JobEventRecorder Recorder(JobEventOptions? options = null, ILogger<JobEventRecorder>? logger = null) =>
        new(_kubernetes, new FakeClock(T0), options ?? new JobEventOptions(), ClientFactory.NoWait(), TimeProvider.System, logger);

    [Fact]
    public async Task A_deleted_task_is_a_core_Warning_Event_on_the_Job_with_its_UID_and_resourceVersion()
    {
        _server.AnswerJson("{}").AnswerJson("{}");

        await Recorder(new JobEventOptions { Component = "my-controller" })
            .RecordAsync(Job, [JobEvent.TaskDeleted("nightly-gezdqo-0"), JobEvent.TaskForceDeleted("nightly-gezdqo-0")], Token);

        // Sent side by side, so in no particular order.
        Assert.Equal(2, _server.Requests.Count);
        var sent = Assert.Single(_server.Requests, r => JsonNode.Parse(r.Body!)!["reason"]!.GetValue<string>() == "Deleted");
        Assert.Equal("POST", sent.Method);
        Assert.Equal("/api/v1/namespaces/jobs/events", sent.Path);
        var body = JsonNode.Parse(sent.Body!)!;
        Assert.Equal("nightly.", body["metadata"]!["generateName"]!.GetValue<string>());
        Assert.Equal("execution.furiko.io/v1alpha1", body["involvedObject"]!["apiVersion"]!.GetValue<string>());
        Assert.Equal("Job", body["involvedObject"]!["kind"]!.GetValue<string>());
        Assert.Equal("nightly", body["involvedObject"]!["name"]!.GetValue<string>());
        Assert.Equal("jobs", body["involvedObject"]!["namespace"]!.GetValue<string>());
        Assert.Equal("job-uid", body["involvedObject"]!["uid"]!.GetValue<string>());
        Assert.Equal("42", body["involvedObject"]!["resourceVersion"]!.GetValue<string>());
        Assert.Equal("Warning", body["type"]!.GetValue<string>());
        Assert.Equal("Deleted", body["reason"]!.GetValue<string>());
        Assert.Equal("Deleted task nightly-gezdqo-0", body["message"]!.GetValue<string>());
        Assert.Equal("my-controller", body["source"]!["component"]!.GetValue<string>());
        Assert.Equal("my-controller", body["reportingComponent"]!.GetValue<string>());
        Assert.Equal(1, body["count"]!.GetValue<int>());
        Assert.StartsWith("2024-05-01T12:00:00", body["firstTimestamp"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(_server.Requests, r => JsonNode.Parse(r.Body!)!["reason"]!.GetValue<string>() == "ForceDeleted");
    }

    [Fact]
    public async Task The_Events_of_a_large_kill_are_sent_side_by_side_at_most_MaxConcurrentEvents_at_a_time()
    {
        using var server = new ConcurrencyMeasuringHandler(waitForCompany: true);
        using var kubernetes = new k8s.Kubernetes(new k8s.KubernetesClientConfiguration { Host = "http://kube.test" }, server);
        var recorder = new JobEventRecorder(kubernetes, new FakeClock(T0), new JobEventOptions { MaxConcurrentEvents = 3 }, ClientFactory.NoWait(), TimeProvider.System);

        await recorder.RecordAsync(Job, [.. Enumerable.Range(0, 20).Select(i => JobEvent.TaskDeleted($"nightly-{i}"))], Token);

        Assert.Equal(20, server.Messages.Count);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"Deleted task nightly-{i}").Order(StringComparer.Ordinal), server.Messages.Order(StringComparer.Ordinal));
        Assert.InRange(server.MaxInFlight, 2, 3);
    }

    [Fact]
    public async Task With_MaxConcurrentEvents_1_the_Events_go_one_after_the_other_in_the_order_given()
    {
        using var server = new ConcurrencyMeasuringHandler(waitForCompany: false);
        using var kubernetes = new k8s.Kubernetes(new k8s.KubernetesClientConfiguration { Host = "http://kube.test" }, server);
        var recorder = new JobEventRecorder(kubernetes, new FakeClock(T0), new JobEventOptions { MaxConcurrentEvents = 1 }, ClientFactory.NoWait(), TimeProvider.System);

        await recorder.RecordAsync(Job, [.. Enumerable.Range(0, 5).Select(i => JobEvent.TaskDeleted($"nightly-{i}"))], Token);

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"Deleted task nightly-{i}"), server.Messages);
        Assert.Equal(1, server.MaxInFlight);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(257)]
    public void A_concurrency_out_of_range_is_refused(int maxConcurrentEvents)
    {
        var error = Assert.Throws<ArgumentException>(() => Recorder(new JobEventOptions { MaxConcurrentEvents = maxConcurrentEvents }));

        Assert.Contains($"MaxConcurrentEvents is {maxConcurrentEvents}; it must be from 1 to 256.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_Event_is_logged_and_the_next_one_is_still_sent()
    {
        var logger = Substitute.For<ILogger<JobEventRecorder>>();
        logger.IsEnabled(Arg.Any<LogLevel>()).Returns(true);
        _server.Answer(HttpStatusCode.Forbidden, ApiBodies.Status(403, "Forbidden", "events is forbidden")).AnswerJson("{}");

        await Recorder(logger: logger).RecordAsync(Job, [JobEvent.TaskDeleted("a"), JobEvent.TaskDeleted("b")], Token);

        Assert.Equal(2, _server.Requests.Count);
        logger.Received(1).Log(LogLevel.Warning, Arg.Any<EventId>(), Arg.Any<Arg.AnyType>(), Arg.Any<FurikoApiException>(), Arg.Any<Func<Arg.AnyType, Exception?, string>>());
    }

    [Fact]
    public async Task An_Event_that_may_have_reached_the_server_is_not_sent_twice()
    {
        _server.Answer(HttpStatusCode.ServiceUnavailable);

        await Recorder().RecordAsync(Job, [JobEvent.TaskDeleted("a")], Token);

        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Disabled_Events_send_nothing()
    {
        await Recorder(new JobEventOptions { Enabled = false }).RecordAsync(Job, [JobEvent.TaskDeleted("a")], Token);

        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Cancellation_is_thrown()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Recorder().RecordAsync(Job, [JobEvent.TaskDeleted("a")], cancelled.Token));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void An_empty_component_is_refused(string component)
    {
        var error = Assert.Throws<ArgumentException>(() => Recorder(new JobEventOptions { Component = component }));

        Assert.Contains("Component is", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Answers every Event create with <c>{}</c> after a short wait, noting the messages in arrival order and the most
    /// requests in flight at once. With <c>waitForCompany</c>, the first request waits (up to 5 s) for a second to
    /// arrive, so Events sent side by side are certainly seen overlapping.
    /// </summary>
    private sealed class ConcurrencyMeasuringHandler(bool waitForCompany) : DelegatingHandler
    {
        private readonly Lock _sync = new();
        private readonly List<string> _messages = [];
        private readonly TaskCompletionSource _company = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inFlight;

        public int MaxInFlight { get; private set; }

        public IReadOnlyList<string> Messages
        {
            get
            {
                lock (_sync)
                {
                    return [.. _messages];
                }
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!;
            lock (_sync)
            {
                _messages.Add(body["message"]!.GetValue<string>());
                MaxInFlight = Math.Max(MaxInFlight, ++_inFlight);
                if (_inFlight >= 2)
                {
                    _company.TrySetResult();
                }
            }

            try
            {
                if (waitForCompany)
                {
                    await _company.Task.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
                }

                await Task.Delay(5, cancellationToken);
                return new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), RequestMessage = request };
            }
            finally
            {
                lock (_sync)
                {
                    _inFlight--;
                }
            }
        }
    }
}
