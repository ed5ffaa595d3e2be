using Furiko.Cli.Connection;
using NodaTime;

namespace Furiko.Cli;

/// <summary>
/// Everything the tool takes from the world around it, so that it can run in process in tests: where to write,
/// the clock and time zone, the time source for waits, the environment variables, whether stdout is a terminal,
/// and how to reach a cluster. The real values are put together in <see cref="Program"/> alone. Immutable; the
/// writers it holds are used from one command at a time.
/// </summary>
internal sealed record CliEnvironment
{
    /// <summary>Standard output: results, tables, progress.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Standard error: error messages.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>The source of "now" for every decision (kill times, ages, plans).</summary>
    public required IClock Clock { get; init; }

    /// <summary>The zone times are shown in (the local zone of the user, honouring <c>TZ</c>).</summary>
    public required DateTimeZone TimeZone { get; init; }

    /// <summary>How to reach a cluster from kubeconfig options.</summary>
    public required IClusterConnector Connector { get; init; }

    /// <summary>The time source for waiting (<c>--timeout</c>, retry back-off); wall time unless a test gives a fake one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The environment variables the tool reads (<c>NO_COLOR</c>, <c>TERM</c>, <c>KUBECONFIG</c>, <c>HOME</c>).</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Whether standard output is an interactive terminal (not redirected to a file or pipe): colour is used only then.</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>The value of an environment variable, or <see langword="null"/> when it is unset.</summary>
    /// <param name="name">The variable's name.</param>
    /// <returns>The value.</returns>
    public string? Variable(string name) => Variables.TryGetValue(name, out var value) ? value : null;
}
