using System.Runtime.ExceptionServices;
using Polly;
using Polly.Retry;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// Runs one call to the API server with the retries of <see cref="KubernetesRetryOptions"/> (a Polly v8 retry
/// pipeline waiting on the given <see cref="TimeProvider"/>) and turns its final failure into the SDK's exceptions.
/// Thread-safe: one runner serves concurrent calls.
/// </summary>
internal sealed class ApiCallRunner
{
    private static readonly ResiliencePropertyKey<CallState> StateKey = new("Furiko.Sdk.ApiCall");

    private readonly ResiliencePipeline _pipeline;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a runner.</summary>
    /// <param name="options">The retry settings (copied).</param>
    /// <param name="timeProvider">The time source for waits between attempts.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public ApiCallRunner(KubernetesRetryOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.ThrowIfInvalid();
        Options = options.Clone();
        _timeProvider = timeProvider;
        _pipeline = Options.MaxAttempts == 1
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder { TimeProvider = timeProvider }
                .AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = Options.MaxAttempts - 1,
                    Delay = Options.BaseDelay,
                    MaxDelay = Options.MaxDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = Options.UseJitter,
                    ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome.Exception, args.Context)),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(ServerRequestedDelay(args.Outcome.Exception)),
                })
                .Build();
    }

    /// <summary>The retry settings in force.</summary>
    public KubernetesRetryOptions Options { get; }

    /// <summary>The time source for waits.</summary>
    public TimeProvider TimeProvider => _timeProvider;

    /// <summary>Runs a call, retrying transient failures as far as <paramref name="safety"/> allows.</summary>
    /// <typeparam name="T">What the call returns.</typeparam>
    /// <param name="call">What the call is about, for exceptions.</param>
    /// <param name="safety">When the call may be sent again.</param>
    /// <param name="send">Sends the call once.</param>
    /// <param name="cancellationToken">Cancels the call and the waits.</param>
    /// <returns>What the call returned.</returns>
    /// <exception cref="FurikoApiException">The call failed (after the retries allowed).</exception>
    public async Task<T> RunAsync<T>(ApiCall call, RetrySafety safety, Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        var state = new CallState(safety);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(StateKey, state);
        try
        {
            return await _pipeline.ExecuteAsync(
                async ctx =>
                {
                    state.Attempts++;
                    state.EarlierAttemptMayHaveActed |= state.LastAttemptMayHaveActed;
                    state.LastAttemptMayHaveActed = false;
                    try
                    {
                        return await send(ctx.CancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (TransientFailures.IsTransient(ex, ctx.CancellationToken) && !TransientFailures.CertainlyNotSent(ex))
                    {
                        state.LastAttemptMayHaveActed = true;
                        throw;
                    }
                },
                context).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var translated = ApiErrorTranslator.Translate(call, ex, state.Attempts, state.EarlierAttemptMayHaveActed, cancellationToken);
            if (translated is null)
            {
                ExceptionDispatchInfo.Capture(ex).Throw();
            }

            throw translated;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static bool ShouldRetry(Exception? error, ResilienceContext context)
    {
        if (error is null || !TransientFailures.IsTransient(error, context.CancellationToken))
        {
            return false;
        }

        var safety = context.Properties.TryGetValue(StateKey, out var state) ? state.Safety : RetrySafety.OnlyIfNotSent;
        return safety == RetrySafety.Idempotent || TransientFailures.CertainlyNotSent(error);
    }

    private TimeSpan? ServerRequestedDelay(Exception? error) =>
        RetryAfterHeader.Read(error, _timeProvider.GetUtcNow()) is { } wait
            ? (wait > Options.MaxDelay ? Options.MaxDelay : wait)
            : null;

    private sealed class CallState(RetrySafety safety)
    {
        public RetrySafety Safety { get; } = safety;

        public int Attempts { get; set; }

        /// <summary>The latest attempt failed without an answer after the request may have reached the server.</summary>
        public bool LastAttemptMayHaveActed { get; set; }

        /// <summary>Some attempt before the latest failed that way, so the server may already have carried the call out.</summary>
        public bool EarlierAttemptMayHaveActed { get; set; }
    }
}
