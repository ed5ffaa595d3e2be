namespace Furiko.Cli.Output;

/// <summary>
/// Decides whether output may carry colour, and paints text when it may: only when standard output is a terminal,
/// <c>NO_COLOR</c> is unset (https://no-color.org: any non-empty value) and <c>TERM</c> is not <c>dumb</c>.
/// Redirected output is plain text. Immutable; thread-safe.
/// </summary>
internal sealed class TerminalStyle
{
    private TerminalStyle(bool colour) => UsesColour = colour;

    /// <summary>Plain text, never colour.</summary>
    public static TerminalStyle Plain { get; } = new(false);

    /// <summary>Whether text is painted.</summary>
    public bool UsesColour { get; }

    /// <summary>Decides for an environment.</summary>
    /// <param name="environment">The tool's environment.</param>
    /// <returns>The style.</returns>
    public static TerminalStyle For(CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var colour = environment.OutputIsTerminal
            && string.IsNullOrEmpty(environment.Variable("NO_COLOR"))
            && !string.Equals(environment.Variable("TERM"), "dumb", StringComparison.Ordinal);
        return colour ? new TerminalStyle(true) : Plain;
    }

    /// <summary>Paints text in a colour, or returns it unchanged when colour is off.</summary>
    /// <param name="text">The text.</param>
    /// <param name="colour">The colour.</param>
    /// <returns>The text, wrapped in ANSI SGR codes when colour is on.</returns>
    public string Paint(string text, TextColour colour) =>
        !UsesColour || colour == TextColour.None ? text : $"\u001b[{(int)colour}m{text}\u001b[0m";
}

/// <summary>The few colours the tool uses, as ANSI SGR foreground codes.</summary>
internal enum TextColour
{
    /// <summary>No colour.</summary>
    None = 0,

    /// <summary>Failures and kills.</summary>
    Red = 31,

    /// <summary>Success.</summary>
    Green = 32,

    /// <summary>Work in progress (killing, terminating).</summary>
    Yellow = 33,

    /// <summary>Neutral emphasis (queued, pending).</summary>
    Cyan = 36,
}
