using Furiko.Sdk.Serialization;
using Furiko.Sdk.Termination.Deletion;
using k8s;
using k8s.Models;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// The default <see cref="ITaskDeletionStrategy"/>: deletes a task's Pod through KubernetesClient's CoreV1
/// <c>DeleteNamespacedPod</c> of the given <see cref="IKubernetes"/> (never disposed here).
/// </summary>
/// <remarks>
/// <para>
/// A graceful delete sends no grace period of its own unless <see cref="PodDeletionOptions.GracePeriodSeconds"/>
/// (or the request) gives one, so the Pod's <c>terminationGracePeriodSeconds</c> applies. A forced delete sends
/// <c>gracePeriodSeconds: 0</c>, in the body and in the query string, so that it stands out in audit and request
/// logs. Every delete carries the Pod's UID as a precondition (FURIKO-SEMANTICS 7.7).
/// </para>
/// <para>
/// Outcomes: accepted -> <see cref="TaskDeletionOutcome.Deleted"/>; 404 -> <see cref="TaskDeletionOutcome.AlreadyGone"/>;
/// 409 (the UID precondition failed: another Pod has the name now) -> <see cref="TaskDeletionOutcome.Replaced"/>,
/// never retried; transient failures (429, 5xx, timeouts, dropped connections) are retried by
/// <see cref="KubernetesRetryOptions"/> (a delete guarded by a UID is safe to repeat), and when the retries run out,
/// or for any other failure, <see cref="TaskDeletionOutcome.Failed"/> with the SDK's exception
/// (<see cref="FurikoApiTransientException"/>, <see cref="FurikoApiException"/>). Cancellation is thrown, not reported.
/// </para>
/// <para>Thread-safe: the engine sends several deletes at once through one instance.</para>
/// </remarks>
public sealed class PodDeletionStrategy : ITaskDeletionStrategy
{
    private readonly IKubernetes _kubernetes;
    private readonly ApiCallRunner _runner;
    private readonly long? _gracePeriodSeconds;

    /// <summary>Creates the strategy with the default settings and the system time for waits between retries.</summary>
    /// <param name="kubernetes">The Kubernetes client to call through; not disposed here.</param>
    public PodDeletionStrategy(IKubernetes kubernetes)
        : this(kubernetes, new PodDeletionOptions(), new KubernetesRetryOptions(), TimeProvider.System)
    {
    }

    /// <summary>Creates the strategy.</summary>
    /// <param name="kubernetes">The Kubernetes client to call through; not disposed here.</param>
    /// <param name="options">How to delete (copied; validated).</param>
    /// <param name="retryOptions">How to retry transient failures (copied; validated).</param>
    /// <param name="timeProvider">The time source for waits between retries.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message names each setting.</exception>
    public PodDeletionStrategy(IKubernetes kubernetes, PodDeletionOptions options, KubernetesRetryOptions retryOptions, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid {nameof(PodDeletionOptions)}: {string.Join(" ", problems)}", nameof(options));
        }

        _kubernetes = kubernetes;
        _runner = new ApiCallRunner(retryOptions, timeProvider);
        _gracePeriodSeconds = options.GracePeriodSeconds;
    }

    /// <inheritdoc />
    public async ValueTask<TaskDeletionOutcome> DeleteAsync(TaskDeletionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var force = request.Mode == TaskDeletionMode.Force;
        var gracePeriod = force ? 0 : request.GracePeriodSeconds ?? _gracePeriodSeconds;
        var body = new V1DeleteOptions
        {
            GracePeriodSeconds = gracePeriod,
            Preconditions = new V1Preconditions { Uid = request.PodUid },
        };

        try
        {
            await _runner.RunAsync(
                new ApiCall("delete", "Pod", "pods", request.Namespace, request.PodName),
                RetrySafety.Idempotent,
                async ct =>
                {
                    using var response = await _kubernetes.CoreV1.DeleteNamespacedPodWithHttpMessagesAsync(
                        request.PodName, request.Namespace, body, gracePeriodSeconds: force ? 0 : null, cancellationToken: ct).ConfigureAwait(false);
                    return true;
                },
                cancellationToken).ConfigureAwait(false);
            return TaskDeletionOutcome.Deleted;
        }
        catch (FurikoApiNotFoundException)
        {
            return TaskDeletionOutcome.AlreadyGone;
        }
        catch (FurikoApiConflictException)
        {
            // FURIKO-SEMANTICS 7.7: the UID precondition failed, so a new Pod has the name; it is not ours to delete.
            return TaskDeletionOutcome.Replaced;
        }
        catch (Exception error) when (error is FurikoApiException or FurikoSerializationException)
        {
            return TaskDeletionOutcome.Failed(error);
        }
    }
}
