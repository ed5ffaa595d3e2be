using System.CommandLine;
using System.CommandLine.Invocation;
using Furiko.Cli.Commands;

namespace Furiko.Cli;

/// <summary>
/// The <c>furiko</c> tool as an object: give it its environment (writers, clock, time zone, variables, cluster
/// connector) and run it with the command-line arguments, in process. <see cref="Program"/> runs it with the real
/// world; tests with an emulator and a fake clock. Usage errors end with exit code 2 (System.CommandLine's own
/// default is 1). Not thread-safe: run one command line at a time.
/// </summary>
internal sealed class FurikoCli
{
    private readonly CliEnvironment _environment;
    private readonly RootCommand _root;

    /// <summary>Creates the tool.</summary>
    /// <param name="environment">What the tool takes from the world.</param>
    public FurikoCli(CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
        var global = new GlobalOptions();
        _root = new RootCommand("furiko: kill, inspect and explain Furiko Jobs (execution.furiko.io/v1alpha1).")
        {
            KillCommand.Create(environment, global),
            GetJobCommand.Create(environment, global),
            ListJobsCommand.Create(environment, global),
            ExplainJobCommand.Create(environment, global),
        };
        global.AddTo(_root);
    }

    /// <summary>
    /// Whether the process's termination signals (Ctrl+C, SIGTERM) cancel the running command; only the real
    /// program sets it, so tests running in process leave the process's handlers alone.
    /// </summary>
    public bool HandlesTerminationSignals { get; init; }

    /// <summary>Runs one command line.</summary>
    /// <param name="args">The arguments, without the program's name.</param>
    /// <param name="cancellationToken">Stops the command (exit code 130).</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parseResult = _root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var error in parseResult.Errors)
            {
                await _environment.Error.WriteLineAsync("error: " + error.Message).ConfigureAwait(false);
            }

            await _environment.Error.WriteLineAsync($"Run '{CommandPath(parseResult)} --help' for usage.").ConfigureAwait(false);
            await _environment.Error.FlushAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration
        {
            Output = _environment.Out,
            Error = _environment.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = HandlesTerminationSignals ? TimeSpan.FromSeconds(2) : null,
        };
        try
        {
            return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
        finally
        {
            await _environment.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static string CommandPath(ParseResult parseResult)
    {
        var names = new List<string>();
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, result.Parent is null ? "furiko" : result.Command.Name);
        }

        return string.Join(' ', names);
    }
}
