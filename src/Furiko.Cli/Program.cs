using System.Collections;
using Furiko.Cli.Connection;
using NodaTime;
using NodaTime.TimeZones;

namespace Furiko.Cli;

/// <summary>The composition root of the <c>furiko</c> tool: the only place that touches the real clock, console and environment.</summary>
internal static class Program
{
    /// <summary>Runs the tool.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static async Task<int> Main(string[] args)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                variables[key] = value;
            }
        }

        var environment = new CliEnvironment
        {
            Out = Console.Out,
            Error = Console.Error,
#pragma warning disable RS0030 // The composition root is where the real clock is chosen; everything else takes an IClock.
            Clock = SystemClock.Instance,
#pragma warning restore RS0030
            TimeZone = LocalZone(),
            Connector = new KubeconfigClusterConnector(variables),
            TimeProvider = TimeProvider.System,
            Variables = variables,
            OutputIsTerminal = !Console.IsOutputRedirected,
        };
        return await new FurikoCli(environment) { HandlesTerminationSignals = true }.RunAsync(args).ConfigureAwait(false);
    }

    // The user's zone (honouring TZ): the IANA zone of the system when Noda Time's database knows it, else the
    // system's own rules as .NET reads them.
    private static DateTimeZone LocalZone()
    {
        try
        {
            return DateTimeZoneProviders.Tzdb.GetSystemDefault();
        }
        catch (DateTimeZoneNotFoundException)
        {
            return BclDateTimeZone.ForSystemDefault();
        }
    }
}
