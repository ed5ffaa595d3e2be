using System.CommandLine;
using Furiko.Cli.Kill;
using Furiko.Sdk.KillRequests;
using Furiko.Sdk.Status;
using Furiko.Sdk.Text;
using NodaTime;

namespace Furiko.Cli.Commands;

/// <summary>
/// <c>furiko kill &lt;job&gt;</c>: sets the Job's <c>spec.killTimestamp</c> (now, <c>--at</c> a time or
/// <c>--after</c> a duration) through the SDK's kill request service, with Furiko's checks and messages
/// (FURIKO-SEMANTICS 5.6, 5.7, 7.6), and with <c>--wait</c> follows the Job until it is killed.
/// </summary>
internal static class KillCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="environment">The tool's environment.</param>
    /// <param name="global">The global options.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var job = new Argument<string>("job") { Description = "The name of the Job to kill." };

        // FURIKO-SEMANTICS 5.6: completion offers only active Jobs.
        job.CompletionSources.Add(JobNameCompletion.Of(environment, global, JobStatusPredicates.IsActive));
        var at = new Option<string?>("--at", "-t")
        {
            Description = "Kill the Job at this time (RFC 3339, for example 2021-02-09T04:04:04Z). Default: now.",
            HelpName = "time",
        };
        var after = new Option<string?>("--after", "-p")
        {
            Description = "Kill the Job after this long from now (Go duration, for example 40s, 5m, 1h30m). Not with --at.",
            HelpName = "duration",
        };
        var overrideExisting = new Option<bool>("--override") { Description = "Replace a kill time the Job already has (one that has passed cannot be changed)." };
        var allowFinished = new Option<bool>("--allow-finished") { Description = "Set a kill time even on a Job that has already finished." };
        var wait = new Option<bool>("--wait", "-w") { Description = "Wait until the Job is killed, showing its tasks as they terminate." };
        var timeout = new Option<string?>("--timeout")
        {
            Description = "With --wait: give up after this long (Go duration) with exit code 5. Default: no limit.",
            HelpName = "duration",
        };

        var command = new Command("kill", "Kill a Job: set its kill time, now or later, and optionally wait until it is killed.")
        {
            job, at, after, overrideExisting, allowFinished, wait, timeout,
        };
        CommandAction.Set(command, environment, global, async (parseResult, session, cancellationToken) =>
        {
            var name = parseResult.GetRequiredValue(job);
            var request = KillArguments.ToRequest(
                parseResult.GetValue(at), parseResult.GetValue(after), parseResult.GetValue(overrideExisting), parseResult.GetValue(allowFinished));
            var waitLimit = ReadTimeout(parseResult.GetValue(timeout), parseResult.GetValue(wait));

            var namespaceName = session.Namespace;
            var service = new KillRequestService(session.Jobs, environment.Clock);
            var result = await service.RequestKillAsync(namespaceName, name, request, cancellationToken).ConfigureAwait(false);
            await environment.Out.WriteLineAsync($"Requested for job {namespaceName}/{name} to be killed at {session.Time.Format(result.KillAt)}").ConfigureAwait(false);
            await environment.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(wait))
            {
                var waiter = new KillWaiter(session.Jobs, environment.TimeProvider, environment.Out, session.Time, session.Style);
                await waiter.WaitAsync(namespaceName, name, waitLimit, cancellationToken).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Duration? ReadTimeout(string? text, bool wait)
    {
        if (text is null)
        {
            return null;
        }

        if (!wait)
        {
            throw CliException.Usage("--timeout only applies with --wait");
        }

        if (!GoDuration.TryParse(text, out var limit, out var error))
        {
            throw CliException.Usage($"invalid value for --timeout: {error}");
        }

        return limit > Duration.Zero ? limit : throw CliException.Usage($"invalid value for --timeout: {text}: it must be more than zero");
    }
}
