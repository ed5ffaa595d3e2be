using System.CommandLine;
using Furiko.Cli.Output;
using Furiko.Sdk.Models;

namespace Furiko.Cli.Commands;

/// <summary><c>furiko list jobs</c>: lists the Jobs of a namespace (or of all with <c>-A</c>) as a table, JSON or YAML.</summary>
internal static class ListJobsCommand
{
    /// <summary>Creates the <c>list</c> command with its <c>jobs</c> subcommand.</summary>
    /// <param name="environment">The tool's environment.</param>
    /// <param name="global">The global options.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var output = OutputOption.Create();
        var allNamespaces = new Option<bool>("--all-namespaces", "-A") { Description = "List the Jobs of every namespace." };
        var jobs = new Command("jobs", "List Jobs: phase, kill time, tasks created and running, age.") { output, allNamespaces };
        jobs.Aliases.Add("job");
        CommandAction.Set(jobs, environment, global, async (parseResult, session, cancellationToken) =>
        {
            var all = parseResult.GetValue(allNamespaces);
            var namespaceName = all ? null : session.Namespace;
            var list = await session.Jobs.ListAllAsync(namespaceName, null, cancellationToken).ConfigureAwait(false);
            switch (OutputOption.Parse(parseResult.GetValue(output)))
            {
                case OutputFormat.Json:
                    ObjectPrinter.WriteJson(environment.Out, Normalized(list));
                    break;
                case OutputFormat.Yaml:
                    ObjectPrinter.WriteYaml(environment.Out, Normalized(list));
                    break;
                default:
                    if (list.Items.Count == 0)
                    {
                        // As kubectl: the "nothing" note goes to standard error, so a pipe reads an empty result.
                        await environment.Error.WriteLineAsync(all ? "No Jobs found." : $"No Jobs found in namespace {namespaceName}.").ConfigureAwait(false);
                    }
                    else
                    {
                        JobTable.Write(environment.Out, list.Items, withNamespace: all, environment.Clock.GetCurrentInstant(), session.Time, session.Style);
                    }

                    break;
            }

            return ExitCodes.Success;
        });
        return new Command("list", "List objects.") { jobs };
    }

    // A list read from some servers lacks apiVersion and kind; printed output always names them.
    private static JobList Normalized(JobList list)
    {
        list.ApiVersion = string.IsNullOrEmpty(list.ApiVersion) ? Job.KubeGroup + "/" + Job.KubeApiVersion : list.ApiVersion;
        list.Kind = string.IsNullOrEmpty(list.Kind) ? "JobList" : list.Kind;
        return list;
    }
}
