using Furiko.Sdk.Models;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// The default <see cref="IJobEventRecorder"/>: creates core v1 Events (<c>/api/v1/namespaces/&lt;ns&gt;/events</c>, the
/// ones <c>kubectl describe</c> shows) through KubernetesClient's CoreV1 interface of the given
/// <see cref="IKubernetes"/> (never disposed here), the way client-go's recorder does for Furiko: involvedObject is
/// the Job with its UID and resourceVersion, source and reportingComponent are <see cref="JobEventOptions.Component"/>,
/// first and last timestamp come from the injected clock, count 1. Each Event gets a server-generated name
/// (<c>&lt;job&gt;.&lt;suffix&gt;</c>), so Events of one pass never collide; repeats are not aggregated. The Events of
/// one call are sent up to <see cref="JobEventOptions.MaxConcurrentEvents"/> at a time. A failed
/// Event is retried only when it certainly never reached the server (a create must not act twice), then logged as a
/// warning and dropped. Thread-safe.
/// </summary>
public sealed partial class JobEventRecorder : IJobEventRecorder
{
    private readonly IKubernetes _kubernetes;
    private readonly IClock _clock;
    private readonly ApiCallRunner _runner;
    private readonly JobEventOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates a recorder with the default settings.</summary>
    /// <param name="kubernetes">The Kubernetes client to call through; not disposed here.</param>
    /// <param name="clock">The source of the Events' timestamps.</param>
    public JobEventRecorder(IKubernetes kubernetes, IClock clock)
        : this(kubernetes, clock, new JobEventOptions(), new KubernetesRetryOptions(), TimeProvider.System)
    {
    }

    /// <summary>Creates a recorder.</summary>
    /// <param name="kubernetes">The Kubernetes client to call through; not disposed here.</param>
    /// <param name="clock">The source of the Events' timestamps.</param>
    /// <param name="options">The settings (copied; validated).</param>
    /// <param name="retryOptions">How to retry a create that certainly never reached the server (copied; validated).</param>
    /// <param name="timeProvider">The time source for waits between retries.</param>
    /// <param name="logger">Logs Events that could not be recorded; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public JobEventRecorder(
        IKubernetes kubernetes, IClock clock, JobEventOptions options, KubernetesRetryOptions retryOptions, TimeProvider timeProvider, ILogger<JobEventRecorder>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid {nameof(JobEventOptions)}: {string.Join(" ", problems)}", nameof(options));
        }

        _kubernetes = kubernetes;
        _clock = clock;
        _runner = new ApiCallRunner(retryOptions, timeProvider);
        _options = options.Clone();
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc />
    public async Task RecordAsync(Job job, IReadOnlyList<JobEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(events);
        if (!_options.Enabled || events.Count == 0)
        {
            return;
        }

        var jobNamespace = job.Metadata?.NamespaceProperty;
        var jobName = job.Metadata?.Name;
        if (string.IsNullOrEmpty(jobNamespace) || string.IsNullOrEmpty(jobName))
        {
            LogJobUnnamed(_logger, events.Count);
            return;
        }

        if (events.Count == 1 || _options.MaxConcurrentEvents == 1)
        {
            foreach (var jobEvent in events)
            {
                await RecordOneAsync(job, jobNamespace, jobName, jobEvent, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        // The Events of a pass are independent creates (each gets its own generated name), so a kill of many tasks
        // sends them side by side, as the engine sends the deletes, instead of one round trip after another.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentEvents, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(
            events,
            parallel,
            async (jobEvent, _) => await RecordOneAsync(job, jobNamespace, jobName, jobEvent, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
    }

    private async Task RecordOneAsync(Job job, string jobNamespace, string jobName, JobEvent jobEvent, CancellationToken cancellationToken)
    {
        var body = Build(job, jobNamespace, jobName, jobEvent, _clock.GetCurrentInstant().ToDateTimeUtc());
        try
        {
            await _runner.RunAsync(
                new ApiCall("create", "Event", "events", jobNamespace, null),
                RetrySafety.OnlyIfNotSent,
                async ct =>
                {
                    using var response = await _kubernetes.CoreV1.CreateNamespacedEventWithHttpMessagesAsync(body, jobNamespace, cancellationToken: ct).ConfigureAwait(false);
                    return true;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // An Event is a courtesy: whatever went wrong is logged, never allowed to fail the caller.
        catch (Exception error)
#pragma warning restore CA1031
        {
            LogEventFailed(_logger, jobNamespace, jobName, jobEvent.Reason, jobEvent.Message, error);
        }
    }

    private Corev1Event Build(Job job, string jobNamespace, string jobName, JobEvent jobEvent, DateTime now) => new()
    {
        Metadata = new V1ObjectMeta { GenerateName = jobName + ".", NamespaceProperty = jobNamespace },
        InvolvedObject = new V1ObjectReference
        {
            ApiVersion = FurikoApi.GroupVersion,
            Kind = FurikoApi.JobKind,
            Name = jobName,
            NamespaceProperty = jobNamespace,
            Uid = job.Metadata.Uid,
            ResourceVersion = job.Metadata.ResourceVersion,
        },
        Type = jobEvent.Type,
        Reason = jobEvent.Reason,
        Message = jobEvent.Message,
        Source = new V1EventSource { Component = _options.Component },
        ReportingComponent = _options.Component,
        FirstTimestamp = now,
        LastTimestamp = now,
        Count = 1,
    };

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "Job {JobNamespace}/{JobName}: could not record Event {Reason} \"{EventMessage}\"; it is dropped")]
    private static partial void LogEventFailed(ILogger logger, string jobNamespace, string jobName, string reason, string eventMessage, Exception error);

    [LoggerMessage(EventId = 31, Level = LogLevel.Warning, Message = "{EventCount} Event(s) not recorded: the Job has no namespace or name")]
    private static partial void LogJobUnnamed(ILogger logger, int eventCount);
}
