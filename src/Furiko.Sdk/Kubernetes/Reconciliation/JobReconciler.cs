using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.Deletion;
using Furiko.Sdk.Termination.Execution;
using Furiko.Sdk.Termination.Planning;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// The default <see cref="IJobReconciler"/>. One pass:
/// <list type="number">
/// <item>read the Job (404: gone) and its Pods (<see cref="IJobPodLookup"/>), and derive the status (<see cref="JobStatusDeriver"/>);</item>
/// <item>plan and carry out termination with the <see cref="TerminationEngine"/>: its status sink stores the tombstones, then the deletes are sent;</item>
/// <item>record an Event per Pod deleted (<c>Deleted</c> / <c>ForceDeleted</c>), and the metrics;</item>
/// <item>when anything was written or deleted, read the Job and its Pods again, so the status reflects the deletes;</item>
/// <item>write the derived status, with the pass's tombstones, only if it changed (<see cref="IJobStatusWriter.WriteStatusAsync"/>);</item>
/// <item>plan again on what the pass left (pure, nothing carried out), to say when to look next;</item>
/// <item>remove the finalizer when that plan allows it, last, since the Job may then disappear.</item>
/// </list>
/// Every pass runs in an Activity <see cref="FurikoTelemetry.ReconcileActivity"/> and logs what it did.
/// Thread-safe: passes for different Jobs may run at once.
/// </summary>
public sealed partial class JobReconciler : IJobReconciler
{
    private readonly IJobClient _jobs;
    private readonly IJobPodLookup _pods;
    private readonly TerminationPlanner _planner;
    private readonly TerminationEngine _engine;
    private readonly IJobStatusWriter _statusWriter;
    private readonly IJobEventRecorder _events;
    private readonly IClock _clock;
    private readonly ILogger _logger;
    private readonly ReconcileTelemetry _telemetry;

    /// <summary>Creates a reconciler from its parts.</summary>
    /// <param name="jobs">Reads Jobs.</param>
    /// <param name="pods">Finds a Job's Pods.</param>
    /// <param name="planner">The planner the engine uses; asked again after the deletes, for when to look next.</param>
    /// <param name="engine">Plans and carries out termination; its status sink should be <paramref name="statusWriter"/> (the container's default).</param>
    /// <param name="statusWriter">Writes the status after the deletes and removes the finalizer.</param>
    /// <param name="events">Records Events on Jobs.</param>
    /// <param name="clock">The source of "now" for each pass: use the same clock as the engine.</param>
    /// <param name="logger">Logs each pass; <see langword="null"/> for none.</param>
    /// <param name="meterFactory">Creates the <see cref="FurikoTelemetry.MeterName"/> meter; <see langword="null"/> for a shared one.</param>
    public JobReconciler(
        IJobClient jobs,
        IJobPodLookup pods,
        TerminationPlanner planner,
        TerminationEngine engine,
        IJobStatusWriter statusWriter,
        IJobEventRecorder events,
        IClock clock,
        ILogger<JobReconciler>? logger = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentNullException.ThrowIfNull(planner);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(statusWriter);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(clock);
        _jobs = jobs;
        _pods = pods;
        _planner = planner;
        _engine = engine;
        _statusWriter = statusWriter;
        _events = events;
        _clock = clock;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _telemetry = new ReconcileTelemetry(meterFactory);
    }

    /// <summary>
    /// Builds a reconciler and every part it needs over one <see cref="IKubernetes"/>, without a service container:
    /// Furiko's default termination parts, the Kubernetes adapters, and the status writer as the engine's status sink.
    /// </summary>
    /// <param name="kubernetes">The Kubernetes client to call through; not disposed by the reconciler.</param>
    /// <param name="clock">The source of "now" (a <c>FakeClock</c> in tests).</param>
    /// <param name="terminationOptions">Termination settings; <see langword="null"/> for Furiko's defaults.</param>
    /// <param name="options">Adapter settings; <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The time source for waits between retries; <see langword="null"/> for the system's.</param>
    /// <param name="loggerFactory">Creates the loggers; <see langword="null"/> for none.</param>
    /// <param name="meterFactory">Creates the meter; <see langword="null"/> for a shared one.</param>
    /// <returns>The reconciler.</returns>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    /// <exception cref="OptionsValidationException">A termination setting is invalid.</exception>
    public static JobReconciler Create(
        IKubernetes kubernetes,
        IClock clock,
        TerminationOptions? terminationOptions = null,
        FurikoKubernetesOptions? options = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        ArgumentNullException.ThrowIfNull(clock);
        options ??= new FurikoKubernetesOptions();
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid {nameof(FurikoKubernetesOptions)}: {string.Join(" ", problems)}", nameof(options));
        }

        terminationOptions ??= new TerminationOptions();
        timeProvider ??= TimeProvider.System;
        loggerFactory ??= NullLoggerFactory.Instance;
        var jobs = new JobClient(kubernetes, options.Retry, timeProvider);
        var pods = new JobPodLookup(kubernetes, options.Retry, timeProvider);
        var writer = new JobStatusWriter(jobs, pods, clock, options.StatusWriter, loggerFactory.CreateLogger<JobStatusWriter>());
        var planner = TerminationPlanner.CreateDefault(terminationOptions);
        var engine = new TerminationEngine(
            planner,
            writer,
            new PodDeletionStrategy(kubernetes, options.PodDeletion, options.Retry, timeProvider),
            clock,
            Options.Create(terminationOptions),
            loggerFactory.CreateLogger<TerminationEngine>());
        var events = new JobEventRecorder(kubernetes, clock, options.Events, options.Retry, timeProvider, loggerFactory.CreateLogger<JobEventRecorder>());
        return new JobReconciler(jobs, pods, planner, engine, writer, events, clock, loggerFactory.CreateLogger<JobReconciler>(), meterFactory);
    }

    /// <inheritdoc />
    public async Task<JobReconcileResult> ReconcileAsync(string namespaceName, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(namespaceName);
        ArgumentException.ThrowIfNullOrEmpty(name);
        using var activity = StartActivity(namespaceName, name);
        try
        {
            Job job;
            try
            {
                job = await _jobs.GetAsync(namespaceName, name, cancellationToken).ConfigureAwait(false);
            }
            catch (FurikoApiNotFoundException)
            {
                LogGone(_logger, namespaceName, name);
                return Finish(activity, new JobReconcileResult(namespaceName, name, true, null, null, [], [], false, false, null));
            }

            return Finish(activity, await ReconcileCoreAsync(job, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception error) when (Fail(activity, error))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<JobReconcileResult> ReconcileAsync(Job job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var identity = JobIdentity.Of(job, nameof(job));
        using var activity = StartActivity(identity.Namespace, identity.Name);
        try
        {
            return Finish(activity, await ReconcileCoreAsync(job, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception error) when (Fail(activity, error))
        {
            throw;
        }
    }

    private async Task<JobReconcileResult> ReconcileCoreAsync(Job job, CancellationToken cancellationToken)
    {
        var identity = JobIdentity.Of(job, nameof(job));
        TerminationResult? termination = null;
        var current = job;
        try
        {
            var tasks = ReadTasks(await _pods.ListJobPodsAsync(job, cancellationToken).ConfigureAwait(false));
            var now = _clock.GetCurrentInstant();

            // The planner decides on the status as it is now (parallel summary, stored tombstones).
            var derived = JobStatusDeriver.Derive(job, tasks, now);
            termination = await _engine.ExecuteAsync(JobStatusJson.WithStatus(job, derived), tasks, cancellationToken).ConfigureAwait(false);
            var plan = termination.Plan;

            foreach (var deletion in termination.Deletions)
            {
                _telemetry.RecordDeletion(deletion);
            }

            await _events.RecordAsync(job, EventsFor(termination.Deletions), cancellationToken).ConfigureAwait(false);

            var currentTasks = tasks;
            var changedByPass = !termination.Tombstones.IsEmpty || !termination.Deletions.IsEmpty;
            if (changedByPass)
            {
                // Our own writes changed the Job and its Pods: derive the status from what they are now, so the next
                // pass, with nothing changed, finds nothing to write.
                current = await ReadAgainAsync(identity, cancellationToken).ConfigureAwait(false);
                if (current is null)
                {
                    LogGone(_logger, identity.Namespace, identity.Name);
                    return Gone(identity, termination);
                }

                currentTasks = ReadTasks(await _pods.ListJobPodsAsync(current, cancellationToken).ConfigureAwait(false));
            }

            var write = await _statusWriter.WriteStatusAsync(current, currentTasks, termination.Tombstones, plan.EvaluatedAt, cancellationToken).ConfigureAwait(false);
            current = write.Job;
            RecordKillDuration(job, current, plan.EvaluatedAt);

            // The plan was made before the deletes, so it misses what they changed: the force-deletion deadline a
            // graceful delete starts, or the last task of a deleted Job gone. Planning again on what the pass left
            // (pure, nothing carried out) gives both; anything due there is for the next pass, as soon as allowed.
            var after = changedByPass ? _planner.Plan(current, currentTasks, plan.EvaluatedAt) : plan;
            var finalizerRemoved = after.CanRemoveFinalizer && await _statusWriter.RemoveFinalizerAsync(current, cancellationToken).ConfigureAwait(false);
            var requeueAfter = after.HasDecisions ? TerminationWakeUp.MinimumWait : after.RequeueAfter;
            var result = new JobReconcileResult(
                identity.Namespace, identity.Name, false, current, plan, termination.Tombstones, termination.Deletions, write.Written, finalizerRemoved, requeueAfter);
            LogReconciled(result);
            return result;
        }
        catch (FurikoApiNotFoundException missing) when (string.Equals(missing.Failure.Kind, FurikoApi.JobKind, StringComparison.Ordinal))
        {
            LogGone(_logger, identity.Namespace, identity.Name);
            return Gone(identity, termination);
        }
    }

    private static ObservedTask[] ReadTasks(IReadOnlyList<V1Pod> pods)
    {
        var tasks = new ObservedTask[pods.Count];
        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i] = PodTaskReader.Read(pods[i]);
        }

        return tasks;
    }

    private static JobEvent[] EventsFor(ImmutableArray<TaskDeletionResult> deletions)
    {
        // FURIKO-SEMANTICS 3 (Events): one Warning per Pod actually deleted; none for a Pod already gone.
        var events = new List<JobEvent>(deletions.Length);
        foreach (var deletion in deletions)
        {
            if (deletion.Outcome.Kind == TaskDeletionOutcomeKind.Deleted)
            {
                events.Add(deletion.Request.Mode == TaskDeletionMode.Force
                    ? JobEvent.TaskForceDeleted(deletion.Request.PodName)
                    : JobEvent.TaskDeleted(deletion.Request.PodName));
            }
        }

        return [.. events];
    }

    private static Activity? StartActivity(string jobNamespace, string jobName)
    {
        var activity = ReconcileTelemetry.ActivitySource.StartActivity(FurikoTelemetry.ReconcileActivity, ActivityKind.Internal);
        activity?.SetTag(FurikoTelemetry.JobNamespaceTag, jobNamespace);
        activity?.SetTag(FurikoTelemetry.JobNameTag, jobName);
        return activity;
    }

    private static JobReconcileResult Finish(Activity? activity, JobReconcileResult result)
    {
        if (activity is not null)
        {
            if (result.Phase is { } phase)
            {
                activity.SetTag(FurikoTelemetry.JobPhaseTag, phase.ToString());
            }

            activity.SetTag(FurikoTelemetry.DeletesTag, result.Deletions.Length);
        }

        return result;
    }

    private static bool Fail(Activity? activity, Exception error)
    {
        activity?.SetStatus(ActivityStatusCode.Error, error.Message);
        return false;
    }

    private static JobReconcileResult Gone(JobIdentity identity, TerminationResult? termination) =>
        new(identity.Namespace, identity.Name, true, null, termination?.Plan, termination?.Tombstones ?? [], termination?.Deletions ?? [], false, false, null);

    private async Task<Job?> ReadAgainAsync(JobIdentity identity, CancellationToken cancellationToken)
    {
        var fresh = await _jobs.GetAsync(identity.Namespace, identity.Name, cancellationToken).ConfigureAwait(false);
        return string.Equals(fresh.Metadata?.Uid, identity.Uid, StringComparison.Ordinal) ? fresh : null;
    }

    private void RecordKillDuration(Job before, Job after, Instant now)
    {
        // The latency of a kill is known for a kill time; a parallel Job's completion has no due time to measure from.
        if (after.Status?.Phase == JobPhase.Killed
            && before.Status?.Phase != JobPhase.Killed
            && before.Spec?.KillTimestamp is { } killAt
            && killAt <= now)
        {
            _telemetry.RecordKillDuration(now - killAt);
        }
    }

    private void LogReconciled(JobReconcileResult result)
    {
        var phase = result.Phase;
        var requeueAfter = result.RequeueAfter?.ToTimeSpan();
        if (result.Deletions.IsEmpty && !result.StatusWritten && !result.FinalizerRemoved)
        {
            LogUnchanged(_logger, result.Namespace, result.Name, phase, requeueAfter);
            return;
        }

        var failed = 0;
        var replaced = 0;
        foreach (var deletion in result.Deletions)
        {
            failed += deletion.Outcome.Kind == TaskDeletionOutcomeKind.Failed ? 1 : 0;
            replaced += deletion.Outcome.Kind == TaskDeletionOutcomeKind.Replaced ? 1 : 0;
        }

        var deletes = result.Deletions.Length;
        var tombstones = result.Tombstones.Length;
        LogChanged(_logger, result.Namespace, result.Name, phase, deletes, failed, replaced, tombstones, result.StatusWritten, result.FinalizerRemoved, requeueAfter);
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Debug, Message = "Job {JobNamespace}/{JobName} is gone; nothing to do")]
    private static partial void LogGone(ILogger logger, string jobNamespace, string jobName);

    [LoggerMessage(EventId = 41, Level = LogLevel.Debug, Message = "Job {JobNamespace}/{JobName}: nothing to do, phase {Phase}, requeue after {RequeueAfter}")]
    private static partial void LogUnchanged(ILogger logger, string jobNamespace, string jobName, JobPhase? phase, TimeSpan? requeueAfter);

    [LoggerMessage(
        EventId = 42,
        Level = LogLevel.Information,
        Message = "Job {JobNamespace}/{JobName}: phase {Phase}, {Deletes} delete(s) ({FailedDeletes} failed, {ReplacedTasks} replaced), {Tombstones} tombstone(s), status written {StatusWritten}, finalizer removed {FinalizerRemoved}, requeue after {RequeueAfter}")]
    private static partial void LogChanged(
        ILogger logger,
        string jobNamespace,
        string jobName,
        JobPhase? phase,
        int deletes,
        int failedDeletes,
        int replacedTasks,
        int tombstones,
        bool statusWritten,
        bool finalizerRemoved,
        TimeSpan? requeueAfter);
}
