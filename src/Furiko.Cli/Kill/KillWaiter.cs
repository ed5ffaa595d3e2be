using Furiko.Cli.Output;
using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Models;
using Furiko.Sdk.Text;
using k8s;
using NodaTime;

namespace Furiko.Cli.Kill;

/// <summary>
/// Follows a Job after a kill request (<c>kill --wait</c>) through a watch until its phase is <c>Killed</c>,
/// writing the progress as it changes, or until a time limit passes. Reads the Job only. Not thread-safe: one wait
/// at a time.
/// </summary>
internal sealed class KillWaiter
{
    private readonly IJobClient _jobs;
    private readonly TimeProvider _time;
    private readonly TextWriter _out;
    private readonly TimeDisplay _localTime;
    private readonly TerminalStyle _style;

    /// <summary>Creates the waiter.</summary>
    /// <param name="jobs">The Job client to watch through.</param>
    /// <param name="time">The time source of the time limit.</param>
    /// <param name="out">Where progress goes.</param>
    /// <param name="timeDisplay">How times are shown.</param>
    /// <param name="style">Whether to paint.</param>
    public KillWaiter(IJobClient jobs, TimeProvider time, TextWriter @out, TimeDisplay timeDisplay, TerminalStyle style)
    {
        _jobs = jobs;
        _time = time;
        _out = @out;
        _localTime = timeDisplay;
        _style = style;
    }

    /// <summary>Waits until the Job is killed.</summary>
    /// <param name="namespaceName">The Job's namespace.</param>
    /// <param name="name">The Job's name.</param>
    /// <param name="timeout">How long to wait at most; <see langword="null"/> for no limit.</param>
    /// <param name="cancellationToken">Stops the wait (Ctrl+C).</param>
    /// <returns>A task that completes when the Job is killed.</returns>
    /// <exception cref="CliException">
    /// The time limit passed (exit code 5), or the Job finished in another phase or was deleted (exit code 1).
    /// </exception>
    public async Task WaitAsync(string namespaceName, string name, Duration? timeout, CancellationToken cancellationToken)
    {
        var jobName = $"{namespaceName}/{name}";
        var reporter = new KillProgressReporter(_out, _style, jobName);
        using var limit = timeout is { } t ? new CancellationTokenSource(t.ToTimeSpan(), _time) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        _out.WriteLine($"Waiting for job {jobName} to be killed{(timeout is { } shown ? $" (timeout {GoDuration.Format(shown)})" : string.Empty)}...");
        _out.Flush();
        try
        {
            var options = new WatchOptions { FieldSelector = $"metadata.name={name}" };
            await foreach (var change in _jobs.WatchAsync(namespaceName, options, linked.Token).ConfigureAwait(false))
            {
                if (change.Type == WatchEventType.Deleted)
                {
                    throw new CliException($"job {jobName} was deleted before it was seen killed");
                }

                var progress = KillProgress.Of(change.Object);
                reporter.Report(progress);
                if (progress.Phase.IsTerminal)
                {
                    Finish(change.Object, progress, jobName);
                    return;
                }
            }
        }
        catch (Exception ex) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested && ex is not CliException)
        {
            var where = reporter.Last is { } last ? last.Summary() : "no status seen yet";
            throw new CliException(
                ExitCodes.WaitTimedOut,
                $"timed out after {GoDuration.Format(timeout!.Value)} waiting for job {jobName} to be killed; last seen {where}",
                ex);
        }

        throw new CliException($"the watch of job {jobName} ended before the Job was killed");
    }

    private void Finish(Job job, KillProgress progress, string jobName)
    {
        if (progress.Phase != JobPhase.Killed)
        {
            throw new CliException($"job {jobName} finished with phase {progress.Phase}, not Killed");
        }

        var finished = job.Status?.Condition?.Finished?.FinishTime;
        var at = finished is { } time ? " at " + _localTime.Format(time) : string.Empty;
        _out.WriteLine($"Job {jobName} was {_style.Paint("killed", TextColour.Red)}{at}");
        _out.Flush();
    }
}
