using System.CommandLine;
using Furiko.Sdk.KillRequests;
using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Serialization;

namespace Furiko.Cli.Commands;

/// <summary>
/// Runs the body of a command in a <see cref="CommandSession"/> and turns its failures into a message on standard
/// error (<c>error: ...</c>) and an exit code (<see cref="ExitCodes"/>): usage errors 2, not found 3, refused by a
/// kill rule 4, <c>--wait</c> timeout 5, interrupted 130, anything else 1 (with the exception's type and message). Thread-safe.
/// </summary>
internal static class CommandAction
{
    /// <summary>Sets a command's action.</summary>
    /// <param name="command">The command.</param>
    /// <param name="environment">The tool's environment.</param>
    /// <param name="global">The global options.</param>
    /// <param name="body">The body: returns the exit code, or throws.</param>
    public static void Set(Command command, CliEnvironment environment, GlobalOptions global, Func<ParseResult, CommandSession, CancellationToken, Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var session = new CommandSession(environment, global.Read(parseResult));
            try
            {
                return await body(parseResult, session, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ToExitCode(ex, cancellationToken) is { } failure)
            {
                environment.Out.Flush();
                await environment.Error.WriteLineAsync("error: " + failure.Message).ConfigureAwait(false);
                await environment.Error.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                return failure.ExitCode;
            }
        });
    }

    private static (int ExitCode, string Message)? ToExitCode(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        CliException cli => (cli.ExitCode, cli.Message),
        KillRequestRefusedException refused => (refused.Rule == KillRequestRule.AtAndAfterTogether ? ExitCodes.Usage : ExitCodes.Refused, refused.Message),
        FurikoApiNotFoundException notFound => (ExitCodes.NotFound, NotFoundMessage(notFound)),
        FurikoApiException api => (ExitCodes.Failure, api.Message),
        FurikoSerializationException serialization => (ExitCodes.Failure, serialization.Message),
        OperationCanceledException when cancellationToken.IsCancellationRequested => (ExitCodes.Interrupted, "interrupted"),
        HttpRequestException http => (ExitCodes.Failure, "cannot reach the API server: " + http.Message),

        // Anything else is a bug or an environment problem; say what it was rather than dump a stack trace.
        OutOfMemoryException => null,
        _ => (ExitCodes.Failure, $"unexpected {exception.GetType().Name}: {exception.Message}"),
    };

    private static string NotFoundMessage(FurikoApiNotFoundException exception) =>
        exception.Name is { Length: > 0 } name && exception.Resource == "jobs"
            ? $"job {exception.Namespace}/{name} not found"
            : exception.Message;
}
