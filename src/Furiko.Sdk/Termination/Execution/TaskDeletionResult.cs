using Furiko.Sdk.Termination.Deletion;
using Furiko.Sdk.Termination.Planning;

namespace Furiko.Sdk.Termination.Execution;

/// <summary>What became of one planned delete. Immutable; thread-safe.</summary>
/// <param name="Decision">The planner's decision the delete carried out.</param>
/// <param name="Request">The request sent to the deletion strategy.</param>
/// <param name="Outcome">What became of it.</param>
public readonly record struct TaskDeletionResult(TaskTerminationDecision Decision, TaskDeletionRequest Request, TaskDeletionOutcome Outcome)
{
    /// <summary>For logs, for example <c>Graceful delete of default/job-gezdqo-0 (uid 1234): Deleted</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Request}: {Outcome.Kind}" + (Outcome.Error is { } error ? $" ({error.Message})" : string.Empty);
}
