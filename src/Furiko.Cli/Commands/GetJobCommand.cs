using System.CommandLine;
using Furiko.Cli.Output;

namespace Furiko.Cli.Commands;

/// <summary><c>furiko get job &lt;name&gt;</c>: shows one Job as a table row, JSON or YAML.</summary>
internal static class GetJobCommand
{
    /// <summary>Creates the <c>get</c> command with its <c>job</c> subcommand.</summary>
    /// <param name="environment">The tool's environment.</param>
    /// <param name="global">The global options.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var name = new Argument<string>("name") { Description = "The name of the Job." };
        name.CompletionSources.Add(JobNameCompletion.Of(environment, global, _ => true));
        var output = OutputOption.Create();
        var job = new Command("job", "Show one Job: phase, kill time, tasks created and running, age.") { name, output };
        job.Aliases.Add("jobs");
        CommandAction.Set(job, environment, global, async (parseResult, session, cancellationToken) =>
        {
            var found = await session.Jobs.GetAsync(session.Namespace, parseResult.GetRequiredValue(name), cancellationToken).ConfigureAwait(false);
            switch (OutputOption.Parse(parseResult.GetValue(output)))
            {
                case OutputFormat.Json:
                    ObjectPrinter.WriteJson(environment.Out, found);
                    break;
                case OutputFormat.Yaml:
                    ObjectPrinter.WriteYaml(environment.Out, found);
                    break;
                default:
                    JobTable.Write(environment.Out, [found], withNamespace: false, environment.Clock.GetCurrentInstant(), session.Time, session.Style);
                    break;
            }

            return ExitCodes.Success;
        });
        return new Command("get", "Show one object.") { job };
    }
}
