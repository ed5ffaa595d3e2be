using System.Globalization;

namespace Furiko.Sdk.Benchmarks.Kubernetes;

/// <summary>
/// The body of the emulator host process (<c>Furiko.Sdk.Benchmarks --emulator-host</c>): serves a
/// <see cref="KillDueCluster"/> over loopback HTTP and seeds a fresh one on request, so that the kill benchmark's
/// client (the SDK or the floor) runs in a process of its own, as a controller does beside a real API server: its
/// time and allocations are then its own, and no garbage collection in it has to walk the emulator's objects.
/// Commands, one a line on standard input: <c>seed N</c> (stop the current cluster, start a fresh one of N tasks,
/// answer <c>ready URL</c> on standard output) and <c>stop</c> (or the end of the input).
/// </summary>
public static class EmulatorHost
{
    /// <summary>The command-line argument that runs the benchmark program as the emulator host.</summary>
    public const string Argument = "--emulator-host";

    /// <summary>Serves commands until <c>stop</c> or the end of <paramref name="input"/>.</summary>
    /// <param name="input">Where the commands come from.</param>
    /// <param name="output">Where the answers go (nothing else is written there).</param>
    /// <returns>A task that completes when the host stops.</returns>
    public static async Task RunAsync(TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        KillDueCluster? cluster = null;
        try
        {
            while (await input.ReadLineAsync().ConfigureAwait(false) is { } line && line != "stop")
            {
                var taskCount = int.Parse(line.AsSpan("seed ".Length), CultureInfo.InvariantCulture);
                if (cluster is not null)
                {
                    await cluster.DisposeAsync().ConfigureAwait(false);
                }

                cluster = await KillDueCluster.StartAsync(taskCount).ConfigureAwait(false);

                // The seeding's garbage is collected and the cluster promoted now, not during the measured kill.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                await output.WriteLineAsync("ready " + cluster.Server.BaseAddress).ConfigureAwait(false);
                await output.FlushAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            if (cluster is not null)
            {
                await cluster.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
