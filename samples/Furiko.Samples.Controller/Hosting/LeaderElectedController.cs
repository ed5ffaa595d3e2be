using Furiko.Samples.Controller.Leadership;
using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Furiko.Samples.Controller.Hosting;

/// <summary>
/// The hosted service: competes for the Lease with KubernetesClient's <see cref="LeaderElector"/> and works only while
/// it leads. On <see cref="LeaderElector.OnStartedLeading"/> it starts a <see cref="ControllerSession"/> (watches, queue,
/// workers); on <see cref="LeaderElector.OnStoppedLeading"/> (the Lease could not be renewed within the renew deadline,
/// so another replica may take it once it expires) it aborts that session at once, cancelling passes in flight, and
/// competes again. Several replicas are therefore safe: only the leader watches and writes.
/// </summary>
/// <remarks>
/// Shutdown (<see cref="StopAsync"/>) is graceful: the session stops taking work, passes in flight may finish until
/// the host's shutdown timeout (they are cancelled then), and only after that does the replica stop renewing and,
/// with <see cref="LeaderElectionOptions.ReleaseOnShutdown"/>, give the Lease up, so the next leader never overlaps a
/// pass still running here. Thread-safe.
/// </remarks>
internal sealed partial class LeaderElectedController : BackgroundService
{
    private readonly Lock _sync = new();
    private readonly CancellationTokenSource _electionStop = new();
    private readonly IKubernetes _kubernetes;
    private readonly ControllerSessionFactory _sessions;
    private readonly LeaderElectionOptions _election;
    private readonly ILogger _logger;
    private ControllerSession? _session;
    private bool _leading;
    private bool _stopping;

    /// <summary>Creates the service.</summary>
    /// <param name="kubernetes">The Kubernetes client (for the Lease).</param>
    /// <param name="sessions">Starts a session per term of leadership.</param>
    /// <param name="options">The controller's options (leader election timings).</param>
    /// <param name="target">The Lease and this replica's identity.</param>
    /// <param name="logger">The logger.</param>
    public LeaderElectedController(
        IKubernetes kubernetes,
        ControllerSessionFactory sessions,
        IOptions<ControllerOptions> options,
        LeaseTarget target,
        ILogger<LeaderElectedController> logger)
    {
        _kubernetes = kubernetes;
        _sessions = sessions;
        _election = options.Value.LeaderElection;
        Target = target;
        _logger = logger;
    }

    /// <summary>The Lease this replica competes for and its identity.</summary>
    public LeaseTarget Target { get; }

    /// <summary>Whether this replica leads now (between started and stopped leading).</summary>
    public bool IsLeading
    {
        get
        {
            lock (_sync)
            {
                return _leading;
            }
        }
    }

    /// <summary>The running session, while leading.</summary>
    public ControllerSession? Session
    {
        get
        {
            lock (_sync)
            {
                return _session;
            }
        }
    }

    /// <summary>
    /// Stops gracefully: no new work, passes in flight finish or are cancelled when <paramref name="cancellationToken"/>
    /// fires (the host's shutdown timeout), then the election stops and the Lease is released.
    /// </summary>
    /// <param name="cancellationToken">Fires when the host's shutdown timeout has passed.</param>
    /// <returns>A task that ends when the service has stopped.</returns>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        ControllerSession? session;
        lock (_sync)
        {
            _stopping = true;
            session = _session;
        }

        if (session is not null)
        {
            session.StopTaking();
            LogDraining(_logger, session.Queue.ProcessingCount);
            try
            {
                await session.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                LogShutdownTimeout(_logger);
                session.Abort();
                await WaitQuietlyAsync(session.Completion).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // A crashed session: ExecuteAsync reports it.
            }
        }

        var held = IsLeading;
        await _electionStop.CancelAsync().ConfigureAwait(false);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (held && _election.ReleaseOnShutdown && !cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (await LeaseRelease.ReleaseAsync(_kubernetes, Target, cancellationToken).ConfigureAwait(false))
                {
                    LogReleased(_logger, Target.Namespace, Target.Name);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Not fatal: the Lease expires after its duration instead.
                LogReleaseFailed(_logger, error);
            }
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _session?.Dispose();
        _electionStop.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // stoppingToken is not used: StopAsync drains the session first, then stops the election through _electionStop.
        var config = new LeaderElectionConfig(new LeaseLock(_kubernetes, Target.Namespace, Target.Name, Target.Identity))
        {
            LeaseDuration = _election.LeaseDuration,
            RenewDeadline = _election.RenewDeadline,
            RetryPeriod = _election.RetryPeriod,
        };
        using var elector = new LeaderElector(config);
        elector.OnStartedLeading += StartLeading;
        elector.OnStoppedLeading += StopLeading;
        elector.OnNewLeader += leader => LogNewLeader(_logger, leader, Target.Identity);
        elector.OnError += error => LogElectionError(_logger, error);
        LogCompeting(_logger, Target.Identity, Target.Namespace, Target.Name);

        var token = _electionStop.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await elector.RunUntilLeadershipLostAsync(token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // Shutting down.
            }
            catch (Exception error)
            {
                LogElectionFailed(_logger, error);
            }

            // Never two sessions in one process: the aborted one must be over before competing again.
            await EndSessionAsync().ConfigureAwait(false);
            if (!token.IsCancellationRequested)
            {
                // Real time, like the elector itself, whatever TimeProvider the controller's queue uses.
                await Task.Delay(_election.RetryPeriod, token).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
        }
    }

    private static async Task WaitQuietlyAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Reported where the task is owned.
        }
    }

    private void StartLeading()
    {
        lock (_sync)
        {
            _leading = true;
            if (_stopping)
            {
                // Won the Lease while shutting down: start nothing that would have to stop at once.
                return;
            }

            _session = _sessions.Start();
        }

        LogStartedLeading(_logger, Target.Identity);
    }

    private void StopLeading()
    {
        ControllerSession? session;
        lock (_sync)
        {
            _leading = false;
            session = _session;
        }

        // Another replica may take the Lease as soon as it expires: stop writing now, in-flight passes included.
        session?.Abort();
        LogStoppedLeading(_logger, Target.Identity);
    }

    private async Task EndSessionAsync()
    {
        ControllerSession? session;
        lock (_sync)
        {
            session = _session;
            _session = null;
        }

        if (session is null)
        {
            return;
        }

        session.Abort();
        try
        {
            // A crashed session is a bug: let it stop the host (and the Pod restart) rather than run half a controller.
            await session.Completion.ConfigureAwait(false);
        }
        finally
        {
            session.Dispose();
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Identity} competes for Lease {LeaseNamespace}/{LeaseName}")]
    private static partial void LogCompeting(ILogger logger, string identity, string leaseNamespace, string leaseName);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Identity} started leading: watching and reconciling Jobs")]
    private static partial void LogStartedLeading(ILogger logger, string identity);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "{Identity} stopped leading: all work stopped")]
    private static partial void LogStoppedLeading(ILogger logger, string identity);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "The leader is {Leader} (this replica is {Identity})")]
    private static partial void LogNewLeader(ILogger logger, string leader, string identity);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Leader election: could not read or write the Lease")]
    private static partial void LogElectionError(ILogger logger, Exception error);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Leader election failed; competing again")]
    private static partial void LogElectionFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Shutting down: no new work; waiting for {InFlight} reconcile(s) in flight")]
    private static partial void LogDraining(ILogger logger, int inFlight);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Shutdown timeout reached: cancelling the reconciles still in flight")]
    private static partial void LogShutdownTimeout(ILogger logger);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "Released Lease {LeaseNamespace}/{LeaseName}")]
    private static partial void LogReleased(ILogger logger, string leaseNamespace, string leaseName);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Could not release the Lease; it expires instead")]
    private static partial void LogReleaseFailed(ILogger logger, Exception error);
}
