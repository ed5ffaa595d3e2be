using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Models;
using NodaTime;

namespace Furiko.Sdk.KillRequests;

/// <summary>
/// The default <see cref="IKillRequestService"/>: reads and patches Jobs through an <see cref="IJobClient"/> (so
/// transient failures are retried there) and takes the time from an injected <see cref="IClock"/>. Thread-safe.
/// </summary>
public sealed class KillRequestService : IKillRequestService
{
    private readonly IJobClient _jobs;
    private readonly IClock _clock;
    private readonly int _maxAttempts;

    /// <summary>Creates the service with the default settings.</summary>
    /// <param name="jobs">The Job client.</param>
    /// <param name="clock">The source of the current time.</param>
    public KillRequestService(IJobClient jobs, IClock clock)
        : this(jobs, clock, new KillRequestServiceOptions())
    {
    }

    /// <summary>Creates the service.</summary>
    /// <param name="jobs">The Job client.</param>
    /// <param name="clock">The source of the current time.</param>
    /// <param name="options">The settings (read once; validated).</param>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public KillRequestService(IJobClient jobs, IClock clock, KillRequestServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        _jobs = jobs;
        _clock = clock;
        _maxAttempts = options.MaxAttempts;
    }

    /// <inheritdoc />
    public async Task<KillRequestResult> RequestKillAsync(string namespaceName, string name, KillRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(namespaceName);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(request);

        // FURIKO-SEMANTICS 5.6: the kill time is worked out and checked against now before the Job is fetched.
        var killAt = KillRequestRules.ResolveKillTime(request, _clock.GetCurrentInstant());
        var job = await _jobs.GetAsync(namespaceName, name, cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1 && job.Spec.KillTimestamp == killAt)
            {
                // After a conflict the Job already has this kill time (our earlier patch landed though its answer
                // was lost, or someone asked for the same): the request is fulfilled.
                return new KillRequestResult(job, killAt);
            }

            KillRequestRules.CheckAgainstJob(job, request, killAt, _clock.GetCurrentInstant());
            var patch = KillTimestampPatch.Build(ResourceVersionOf(job), killAt);
            try
            {
                var patched = await _jobs.MergePatchAsync(namespaceName, name, patch, cancellationToken).ConfigureAwait(false);
                return new KillRequestResult(patched, killAt);
            }
            catch (FurikoApiConflictException conflict)
            {
                ThrowIfLastAttempt(conflict, attempt);
            }

            job = await _jobs.GetAsync(namespaceName, name, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<KillCancellationResult> CancelKillAsync(string namespaceName, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(namespaceName);
        ArgumentException.ThrowIfNullOrEmpty(name);

        var job = await _jobs.GetAsync(namespaceName, name, cancellationToken).ConfigureAwait(false);
        Instant? cleared = null;
        for (var attempt = 1; ; attempt++)
        {
            // FURIKO-SEMANTICS 5.7: a kill time that has passed cannot be cleared.
            if (!KillRequestRules.CheckCancellation(job, _clock.GetCurrentInstant()))
            {
                return new KillCancellationResult(job, cleared);
            }

            cleared = job.Spec.KillTimestamp;
            var patch = KillTimestampPatch.Build(ResourceVersionOf(job), null);
            try
            {
                var patched = await _jobs.MergePatchAsync(namespaceName, name, patch, cancellationToken).ConfigureAwait(false);
                return new KillCancellationResult(patched, cleared);
            }
            catch (FurikoApiConflictException conflict)
            {
                ThrowIfLastAttempt(conflict, attempt);
            }

            job = await _jobs.GetAsync(namespaceName, name, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string ResourceVersionOf(Job job) =>
        job.Metadata?.ResourceVersion is { Length: > 0 } version
            ? version
            : throw new InvalidOperationException(
                $"Job {job.Metadata?.NamespaceProperty}/{job.Metadata?.Name} as read has no metadata.resourceVersion, so the kill patch cannot be made conditional on it.");

    private void ThrowIfLastAttempt(FurikoApiConflictException conflict, int attempt)
    {
        if (attempt >= _maxAttempts)
        {
            throw new FurikoApiConflictException(
                $"{conflict.Message} (the Job kept changing: gave up after {attempt} attempts)", conflict.Failure, conflict);
        }
    }
}
