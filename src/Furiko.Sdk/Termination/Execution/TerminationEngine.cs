using System.Collections.Immutable;
using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using Furiko.Sdk.Termination.Deletion;
using Furiko.Sdk.Termination.Planning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Furiko.Sdk.Termination.Execution;

/// <summary>
/// Carries out one termination pass for a Job: takes "now" from the injected clock, plans, writes the plan's
/// tombstones through the status sink first (FURIKO-SEMANTICS 7.8), then sends the deletes through the deletion
/// strategy, at most <see cref="TerminationOptions.MaxConcurrentDeletes"/> at once. A delete that fails is reported
/// in the result, not thrown, and left for the next pass (FURIKO-SEMANTICS 7.4). Thread-safe if its parts are;
/// passes for different Jobs may run at once.
/// </summary>
public sealed partial class TerminationEngine
{
    private readonly TerminationPlanner _planner;
    private readonly ITerminationStatusSink _statusSink;
    private readonly ITaskDeletionStrategy _deletionStrategy;
    private readonly IClock _clock;
    private readonly int _maxConcurrentDeletes;
    private readonly ILogger _logger;

    /// <summary>Creates the engine.</summary>
    /// <param name="planner">Decides what to do.</param>
    /// <param name="statusSink">Records tombstones before deletes are sent.</param>
    /// <param name="deletionStrategy">Deletes task Pods.</param>
    /// <param name="clock">Gives "now" for each pass.</param>
    /// <param name="options">The termination options; <see cref="TerminationOptions.MaxConcurrentDeletes"/> is used.</param>
    /// <param name="logger">Logs decisions and failed deletes; <see langword="null"/> for none.</param>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public TerminationEngine(
        TerminationPlanner planner,
        ITerminationStatusSink statusSink,
        ITaskDeletionStrategy deletionStrategy,
        IClock clock,
        IOptions<TerminationOptions> options,
        ILogger<TerminationEngine>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(planner);
        ArgumentNullException.ThrowIfNull(statusSink);
        ArgumentNullException.ThrowIfNull(deletionStrategy);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        TerminationOptionsValidator.ThrowIfInvalid(value);
        _planner = planner;
        _statusSink = statusSink;
        _deletionStrategy = deletionStrategy;
        _clock = clock;
        _maxConcurrentDeletes = value.MaxConcurrentDeletes;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Plans and carries out one pass for a Job.</summary>
    /// <param name="job">The Job, with the status derived for this pass.</param>
    /// <param name="tasks">The Job's live tasks (see <see cref="TerminationPlanner.Plan"/>).</param>
    /// <param name="cancellationToken">Cancels the pass; deletes already sent are not undone.</param>
    /// <returns>The plan, the tombstones written and what became of each delete.</returns>
    /// <exception cref="ArgumentException">The Job has no namespace, or a task to delete has no UID.</exception>
    /// <exception cref="OperationCanceledException">The pass was cancelled.</exception>
    /// <remarks>An exception from the status sink propagates and no delete is sent, so no task is deleted without its tombstone.</remarks>
    public async Task<TerminationResult> ExecuteAsync(Job job, IReadOnlyList<ObservedTask> tasks, CancellationToken cancellationToken)
    {
        var plan = _planner.Plan(job, tasks, _clock.GetCurrentInstant());
        if (!plan.HasDecisions)
        {
            return new TerminationResult(plan, [], []);
        }

        var jobName = job.Metadata?.Name ?? string.Empty;
        var jobNamespace = job.Metadata?.NamespaceProperty ?? string.Empty;
        var decisions = plan.Decisions;

        // Build every request before writing anything, so that bad input fails before any side effect.
        var deletes = ImmutableArray.CreateBuilder<(TaskTerminationDecision Decision, TaskDeletionRequest Request)>();
        var tombstones = ImmutableArray.CreateBuilder<TombstoneWrite>();
        foreach (var decision in decisions)
        {
            LogDecision(_logger, jobNamespace, jobName, decision);
            if (decision.Tombstone is { } tombstone)
            {
                tombstones.Add(tombstone);
            }

            if (decision.Deletion is { } mode)
            {
                if (string.IsNullOrEmpty(jobNamespace))
                {
                    throw new ArgumentException($"Job '{jobName}' has no metadata.namespace; its tasks cannot be deleted.", nameof(job));
                }

                deletes.Add((decision, new TaskDeletionRequest(jobNamespace, decision.Task.Name, decision.Task.Uid, mode)));
            }
        }

        var writtenTombstones = tombstones.DrainToImmutable();
        if (writtenTombstones.Length > 0)
        {
            // FURIKO-SEMANTICS 7.8: tombstones are stored before the deletes, so a crash in between cannot turn a
            // killed task into a lost one.
            await _statusSink.WriteTombstonesAsync(job, writtenTombstones, cancellationToken).ConfigureAwait(false);
        }

        var outcomes = new TaskDeletionOutcome[deletes.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _maxConcurrentDeletes, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(
            Enumerable.Range(0, deletes.Count),
            parallel,
            async (index, token) => outcomes[index] = await DeleteAsync(deletes[index].Request, token).ConfigureAwait(false)).ConfigureAwait(false);

        var results = ImmutableArray.CreateBuilder<TaskDeletionResult>(deletes.Count);
        for (var i = 0; i < deletes.Count; i++)
        {
            var result = new TaskDeletionResult(deletes[i].Decision, deletes[i].Request, outcomes[i]);
            results.Add(result);
            LogOutcome(jobNamespace, jobName, result);
        }

        return new TerminationResult(plan, writtenTombstones, results.MoveToImmutable());
    }

    private async ValueTask<TaskDeletionOutcome> DeleteAsync(TaskDeletionRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await _deletionStrategy.DeleteAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure of one delete is reported in the result and retried on the next pass.
        catch (Exception error)
#pragma warning restore CA1031
        {
            return TaskDeletionOutcome.Failed(error);
        }
    }

    private void LogOutcome(string jobNamespace, string jobName, TaskDeletionResult result)
    {
        switch (result.Outcome.Kind)
        {
            case TaskDeletionOutcomeKind.Failed:
                LogDeleteFailed(_logger, jobNamespace, jobName, result.Request, result.Outcome.Error);
                break;
            case TaskDeletionOutcomeKind.Replaced:
                LogTaskReplaced(_logger, jobNamespace, jobName, result.Request);
                break;
            default:
                LogDeleted(_logger, jobNamespace, jobName, result.Request, result.Outcome.Kind);
                break;
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Job {JobNamespace}/{JobName}: {Decision}")]
    private static partial void LogDecision(ILogger logger, string jobNamespace, string jobName, TaskTerminationDecision decision);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Job {JobNamespace}/{JobName}: {Request}: {Outcome}")]
    private static partial void LogDeleted(ILogger logger, string jobNamespace, string jobName, TaskDeletionRequest request, TaskDeletionOutcomeKind outcome);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Job {JobNamespace}/{JobName}: {Request} failed; it is retried on the next pass")]
    private static partial void LogDeleteFailed(ILogger logger, string jobNamespace, string jobName, TaskDeletionRequest request, Exception? error);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Job {JobNamespace}/{JobName}: {Request} was refused: another Pod has the name now; read the Job's tasks again")]
    private static partial void LogTaskReplaced(ILogger logger, string jobNamespace, string jobName, TaskDeletionRequest request);
}
