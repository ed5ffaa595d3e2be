using System.CommandLine.Completions;
using Furiko.Cli.Connection;
using Furiko.Sdk.Models;

namespace Furiko.Cli.Commands;

/// <summary>
/// Completes Job names from the cluster, in the namespace and context of the command line being completed, for
/// shells through the <c>[suggest]</c> directive (<c>dotnet-suggest</c>). A cluster that cannot be reached
/// completes nothing rather than failing the shell. Thread-safe.
/// </summary>
internal static class JobNameCompletion
{
    /// <summary>How long a completion may take before it gives up.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>A completion source offering the names of the Jobs that pass a filter.</summary>
    /// <param name="environment">The tool's environment.</param>
    /// <param name="global">The global options, read from the line being completed.</param>
    /// <param name="filter">Which Jobs to offer.</param>
    /// <returns>The completion source.</returns>
    public static Func<CompletionContext, IEnumerable<CompletionItem>> Of(CliEnvironment environment, GlobalOptions global, Func<Job, bool> filter) =>
        context =>
        {
            try
            {
                using var session = new CommandSession(environment, global.Read(context.ParseResult));
                using var timeout = new CancellationTokenSource(Timeout, environment.TimeProvider);
                var jobs = session.Jobs.ListAllAsync(session.Namespace, null, timeout.Token).GetAwaiter().GetResult();
                return jobs.Items
                    .Where(job => job?.Metadata?.Name is { Length: > 0 } name && name.StartsWith(context.WordToComplete, StringComparison.Ordinal) && filter(job))
                    .Select(job => new CompletionItem(job.Metadata.Name))
                    .OrderBy(item => item.Label, StringComparer.Ordinal)
                    .ToList();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A shell asking for completions must never see an error; offering nothing is the honest answer.
                return [];
            }
        };
}
