using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using Furiko.Sdk.Termination.Planning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// The default <see cref="IJobStatusWriter"/>: writes through an <see cref="IJobClient"/> (so transient failures
/// are retried there), reads the Job's Pods through an <see cref="IJobPodLookup"/> when a conflict makes it derive
/// the status again, and takes "now" for that from the injected <see cref="IClock"/>. Thread-safe.
/// </summary>
/// <remarks>
/// As the engine's status sink, <see cref="WriteTombstonesAsync"/> expects the Job with the status derived for the
/// pass (as <see cref="Termination.Execution.TerminationEngine.ExecuteAsync"/> does): it applies the tombstones to
/// that status and sends it; when every tombstone is already stored it sends nothing.
/// </remarks>
public sealed partial class JobStatusWriter : IJobStatusWriter
{
    private readonly IJobClient _jobs;
    private readonly IJobPodLookup _pods;
    private readonly IClock _clock;
    private readonly int _maxAttempts;
    private readonly ILogger _logger;

    /// <summary>Creates the writer with the default settings.</summary>
    /// <param name="jobs">The Job client.</param>
    /// <param name="pods">Finds the Job's Pods when the status must be derived again after a conflict.</param>
    /// <param name="clock">The source of "now" for a derivation after a conflict.</param>
    public JobStatusWriter(IJobClient jobs, IJobPodLookup pods, IClock clock)
        : this(jobs, pods, clock, new JobStatusWriterOptions())
    {
    }

    /// <summary>Creates the writer.</summary>
    /// <param name="jobs">The Job client.</param>
    /// <param name="pods">Finds the Job's Pods when the status must be derived again after a conflict.</param>
    /// <param name="clock">The source of "now" for a derivation after a conflict.</param>
    /// <param name="options">The settings (read once; validated).</param>
    /// <param name="logger">Logs conflicts and writes; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public JobStatusWriter(IJobClient jobs, IJobPodLookup pods, IClock clock, JobStatusWriterOptions options, ILogger<JobStatusWriter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid {nameof(JobStatusWriterOptions)}: {string.Join(" ", problems)}", nameof(options));
        }

        _jobs = jobs;
        _pods = pods;
        _clock = clock;
        _maxAttempts = options.MaxAttempts;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">
    /// The Job lacks its namespace, name, UID or resourceVersion, or a tombstone names a task its status does not list
    /// (give the Job with its derived status).
    /// </exception>
    /// <exception cref="FurikoApiNotFoundException">The Job is gone (also when another Job of the same name, with another UID, replaced it).</exception>
    /// <exception cref="FurikoApiConflictException">The Job kept changing for every attempt allowed.</exception>
    public async ValueTask WriteTombstonesAsync(Job job, IReadOnlyList<TombstoneWrite> tombstones, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(tombstones);
        var identity = JobIdentity.Of(job, nameof(job));
        var changed = TombstonedStatus.Apply(job.Status, tombstones, out var status, out var unlisted);
        if (unlisted is not null)
        {
            throw new ArgumentException(
                $"Job {identity}: task '{unlisted}' has a tombstone to write but no entry in status.tasks. Give the Job with the status derived for the pass (JobStatusDeriver.Derive).",
                nameof(tombstones));
        }

        if (!changed)
        {
            return; // every tombstone is stored already (a pass run again after a crash)
        }

        var current = job;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _jobs.ReplaceStatusAsync(JobStatusJson.WithStatus(current, status), cancellationToken).ConfigureAwait(false);
                LogTombstonesWritten(_logger, identity.Namespace, identity.Name, tombstones.Count, attempt);
                return;
            }
            catch (FurikoApiConflictException conflict)
            {
                ThrowIfLastAttempt(conflict, attempt);
                LogConflict(_logger, identity.Namespace, identity.Name, attempt);
            }

            // Someone changed the Job since it was read: apply the same tombstones to the Job as it is now, and
            // derive its status from its Pods as they are now, so nothing of theirs or of ours is lost.
            current = await ReadAgainAsync(identity, cancellationToken).ConfigureAwait(false);
            var tasks = ReadTasks(await _pods.ListJobPodsAsync(current, cancellationToken).ConfigureAwait(false));
            status = TombstonedStatus.Derive(current, tasks, tombstones, _clock.GetCurrentInstant());
            if (JobStatusJson.AreEqual(status, current.Status))
            {
                return;
            }
        }
    }

    /// <inheritdoc />
    public async Task<JobStatusWriteResult> WriteStatusAsync(
        Job job, IReadOnlyList<ObservedTask> tasks, IReadOnlyList<TombstoneWrite> tombstones, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(tombstones);
        var identity = JobIdentity.Of(job, nameof(job));
        var current = job;
        for (var attempt = 1; ; attempt++)
        {
            var status = TombstonedStatus.Derive(current, tasks, tombstones, now);
            if (JobStatusJson.AreEqual(status, current.Status))
            {
                return new JobStatusWriteResult(current, Written: false, Attempts: attempt - 1);
            }

            try
            {
                var written = await _jobs.ReplaceStatusAsync(JobStatusJson.WithStatus(current, status), cancellationToken).ConfigureAwait(false);
                LogStatusWritten(_logger, identity.Namespace, identity.Name, status.Phase, attempt);
                return new JobStatusWriteResult(written, Written: true, Attempts: attempt);
            }
            catch (FurikoApiConflictException conflict)
            {
                ThrowIfLastAttempt(conflict, attempt);
                LogConflict(_logger, identity.Namespace, identity.Name, attempt);
            }

            current = await ReadAgainAsync(identity, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<bool> RemoveFinalizerAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var identity = JobIdentity.Of(job, nameof(job), needsResourceVersion: false);
        if (job.Metadata.Finalizers?.Contains(FurikoFinalizers.DeleteDependents, StringComparer.Ordinal) != true)
        {
            return false;
        }

        try
        {
            await _jobs.RemoveFinalizerAsync(identity.Namespace, identity.Name, FurikoFinalizers.DeleteDependents, cancellationToken).ConfigureAwait(false);
        }
        catch (FurikoApiNotFoundException)
        {
            // The Job went away: the finalizer was removed, by us or by someone else.
        }

        LogFinalizerRemoved(_logger, identity.Namespace, identity.Name);
        return true;
    }

    private static ObservedTask[] ReadTasks(IReadOnlyList<k8s.Models.V1Pod> pods)
    {
        var tasks = new ObservedTask[pods.Count];
        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i] = PodTaskReader.Read(pods[i]);
        }

        return tasks;
    }

    private async Task<Job> ReadAgainAsync(JobIdentity identity, CancellationToken cancellationToken)
    {
        var fresh = await _jobs.GetAsync(identity.Namespace, identity.Name, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(fresh.Metadata?.Uid, identity.Uid, StringComparison.Ordinal))
        {
            // The Job the status was computed for is gone, though another has its name: for this write, not found.
            throw new FurikoApiNotFoundException(
                $"Job {identity} was deleted and created again (UID {identity.Uid} is now {fresh.Metadata?.Uid}); the status computed for the old Job is not written.",
                new FurikoApiFailure("get", FurikoApi.JobKind, FurikoApi.JobPlural, identity.Namespace, identity.Name, null, null, null),
                null);
        }

        return fresh;
    }

    private void ThrowIfLastAttempt(FurikoApiConflictException conflict, int attempt)
    {
        if (attempt >= _maxAttempts)
        {
            throw new FurikoApiConflictException(
                $"{conflict.Message} (the Job kept changing: gave up after {attempt} attempts)", conflict.Failure, conflict);
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Debug, Message = "Job {JobNamespace}/{JobName}: wrote {TombstoneCount} tombstone(s) ahead of the deletes (attempt {Attempt})")]
    private static partial void LogTombstonesWritten(ILogger logger, string jobNamespace, string jobName, int tombstoneCount, int attempt);

    [LoggerMessage(EventId = 21, Level = LogLevel.Debug, Message = "Job {JobNamespace}/{JobName}: wrote status, phase {Phase} (attempt {Attempt})")]
    private static partial void LogStatusWritten(ILogger logger, string jobNamespace, string jobName, JobPhase phase, int attempt);

    [LoggerMessage(EventId = 22, Level = LogLevel.Debug, Message = "Job {JobNamespace}/{JobName}: status write conflicted with a concurrent change (attempt {Attempt}); reading the Job again")]
    private static partial void LogConflict(ILogger logger, string jobNamespace, string jobName, int attempt);

    [LoggerMessage(EventId = 23, Level = LogLevel.Information, Message = "Job {JobNamespace}/{JobName}: removed finalizer execution.furiko.io/delete-dependents-finalizer")]
    private static partial void LogFinalizerRemoved(ILogger logger, string jobNamespace, string jobName);
}
