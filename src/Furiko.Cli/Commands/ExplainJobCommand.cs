using System.CommandLine;
using Furiko.Cli.Explain;
using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Status;
using Furiko.Sdk.Termination;
using Furiko.Sdk.Text;
using NodaTime;

namespace Furiko.Cli.Commands;

/// <summary>
/// <c>furiko explain job &lt;name&gt;</c>: the termination planner's account of a Job at this moment, read-only
/// (its Pods are read to see the live tasks; nothing is written).
/// </summary>
internal static class ExplainJobCommand
{
    /// <summary>Creates the <c>explain</c> command with its <c>job</c> subcommand.</summary>
    /// <param name="environment">The tool's environment.</param>
    /// <param name="global">The global options.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var name = new Argument<string>("name") { Description = "The name of the Job." };
        name.CompletionSources.Add(JobNameCompletion.Of(environment, global, _ => true));
        var forceTimeout = new Option<string>("--force-delete-timeout")
        {
            Description = "The controller's force-deletion timeout to assume (Go duration; 0 disables force deletion).",
            HelpName = "duration",
            DefaultValueFactory = _ => "15m",
        };
        var pendingTimeout = new Option<string>("--pending-timeout")
        {
            Description = "The controller's default task pending timeout to assume (Go duration; 0 disables it).",
            HelpName = "duration",
            DefaultValueFactory = _ => "15m",
        };
        var job = new Command("job", "Explain when a Job will be killed and which tasks would be force-deleted, and when.") { name, forceTimeout, pendingTimeout };
        CommandAction.Set(job, environment, global, async (parseResult, session, cancellationToken) =>
        {
            var options = new TerminationOptions
            {
                ForceDeleteTaskTimeoutSeconds = Seconds("--force-delete-timeout", parseResult.GetValue(forceTimeout)),
                DefaultPendingTimeoutSeconds = Seconds("--pending-timeout", parseResult.GetValue(pendingTimeout)),
            };
            var found = await session.Jobs.GetAsync(session.Namespace, parseResult.GetRequiredValue(name), cancellationToken).ConfigureAwait(false);
            var lookup = new JobPodLookup(session.Connection.Client, new KubernetesRetryOptions(), environment.TimeProvider);
            var pods = await lookup.ListJobPodsAsync(found, cancellationToken).ConfigureAwait(false);
            List<ObservedTask> tasks;
            try
            {
                tasks = [.. pods.Select(PodTaskReader.Read)];
            }
            catch (ArgumentException ex)
            {
                throw new CliException($"cannot read the tasks of job {session.Namespace}/{found.Metadata.Name}: {ex.Message}", ex);
            }

            new JobExplainer(options).Write(environment.Out, found, tasks, environment.Clock.GetCurrentInstant(), session.Time, session.Style);
            return ExitCodes.Success;
        });
        return new Command("explain", "Explain what will happen to an object.") { job };
    }

    private static long Seconds(string option, string? text)
    {
        if (!GoDuration.TryParse(text, out var duration, out var error))
        {
            throw CliException.Usage($"invalid value for {option}: {error}");
        }

        if (duration < Duration.Zero || duration.TotalSeconds > TerminationOptions.MaxTimeoutSeconds)
        {
            throw CliException.Usage($"invalid value for {option}: {text}: it must be from 0 to {TerminationOptions.MaxTimeoutSeconds} seconds");
        }

        return (long)Math.Ceiling(duration.TotalSeconds);
    }
}
