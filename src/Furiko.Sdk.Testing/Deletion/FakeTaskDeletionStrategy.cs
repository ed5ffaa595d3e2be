using Furiko.Sdk.Termination.Deletion;

namespace Furiko.Sdk.Testing.Deletion;

/// <summary>
/// A task deletion strategy for tests: records every request and answers <see cref="TaskDeletionOutcome.Deleted"/>,
/// unless told to fail, to report a replaced Pod (409 on the UID precondition) or an already gone one (404) for a
/// given Pod name. Sends nothing anywhere. Thread-safe: the engine calls it from several threads at once.
/// </summary>
public sealed class FakeTaskDeletionStrategy : ITaskDeletionStrategy
{
    private readonly Lock _gate = new();
    private readonly List<TaskDeletionRequest> _requests = [];
    private readonly Dictionary<string, Func<TaskDeletionRequest, TaskDeletionOutcome>> _answers = new(StringComparer.Ordinal);

    /// <summary>
    /// Called with each request after it is recorded and before it is answered, for example to update a simulated
    /// world (give a Pod a deletion timestamp, remove it). Runs on the caller's thread; may run concurrently.
    /// </summary>
    public Action<TaskDeletionRequest>? OnDelete { get; set; }

    /// <summary>Every request received so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<TaskDeletionRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The requests received so far for one Pod, in arrival order (a snapshot).</summary>
    /// <param name="podName">The Pod's name.</param>
    /// <returns>The requests.</returns>
    public IReadOnlyList<TaskDeletionRequest> RequestsFor(string podName)
    {
        lock (_gate)
        {
            return [.. _requests.Where(request => string.Equals(request.PodName, podName, StringComparison.Ordinal))];
        }
    }

    /// <summary>From now on, answer requests for this Pod with a failure carrying <paramref name="error"/>.</summary>
    /// <param name="podName">The Pod's name.</param>
    /// <param name="error">The error to report; by default an <see cref="InvalidOperationException"/> naming the Pod.</param>
    /// <returns>This fake.</returns>
    public FakeTaskDeletionStrategy FailFor(string podName, Exception? error = null)
    {
        var reported = error ?? new InvalidOperationException($"Simulated failure deleting Pod {podName}.");
        return AnswerFor(podName, _ => TaskDeletionOutcome.Failed(reported));
    }

    /// <summary>From now on, answer requests for this Pod as if another Pod had its name (409 on the UID precondition).</summary>
    /// <param name="podName">The Pod's name.</param>
    /// <returns>This fake.</returns>
    public FakeTaskDeletionStrategy ReplaceFor(string podName) => AnswerFor(podName, _ => TaskDeletionOutcome.Replaced);

    /// <summary>From now on, answer requests for this Pod as if it were already gone (404).</summary>
    /// <param name="podName">The Pod's name.</param>
    /// <returns>This fake.</returns>
    public FakeTaskDeletionStrategy ReportGoneFor(string podName) => AnswerFor(podName, _ => TaskDeletionOutcome.AlreadyGone);

    /// <summary>From now on, answer requests for this Pod with what <paramref name="answer"/> returns (or throws).</summary>
    /// <param name="podName">The Pod's name.</param>
    /// <param name="answer">Computes the outcome of a request.</param>
    /// <returns>This fake.</returns>
    public FakeTaskDeletionStrategy AnswerFor(string podName, Func<TaskDeletionRequest, TaskDeletionOutcome> answer)
    {
        ArgumentException.ThrowIfNullOrEmpty(podName);
        ArgumentNullException.ThrowIfNull(answer);
        lock (_gate)
        {
            _answers[podName] = answer;
        }

        return this;
    }

    /// <summary>Answers requests for this Pod with <see cref="TaskDeletionOutcome.Deleted"/> again.</summary>
    /// <param name="podName">The Pod's name.</param>
    /// <returns>This fake.</returns>
    public FakeTaskDeletionStrategy Succeed(string podName)
    {
        lock (_gate)
        {
            _answers.Remove(podName);
        }

        return this;
    }

    /// <summary>Forgets every request and every configured answer.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _requests.Clear();
            _answers.Clear();
        }
    }

    /// <inheritdoc />
    public ValueTask<TaskDeletionOutcome> DeleteAsync(TaskDeletionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        Func<TaskDeletionRequest, TaskDeletionOutcome>? answer;
        lock (_gate)
        {
            _requests.Add(request);
            _answers.TryGetValue(request.PodName, out answer);
        }

        OnDelete?.Invoke(request);
        return ValueTask.FromResult(answer is null ? TaskDeletionOutcome.Deleted : answer(request));
    }
}
