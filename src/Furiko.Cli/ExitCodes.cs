namespace Furiko.Cli;

/// <summary>The exit codes of the <c>furiko</c> tool; scripts may rely on them.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>Any failure not covered by a more specific code (API errors, kubeconfig problems, a Job that did not end Killed).</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong: unknown option, missing argument, a value that does not parse, conflicting options.</summary>
    public const int Usage = 2;

    /// <summary>The Job (or its namespace, or the Furiko CRDs) does not exist.</summary>
    public const int NotFound = 3;

    /// <summary>A kill request was refused by a rule (FURIKO-SEMANTICS 5.6, 5.7, 7.6); nothing was written.</summary>
    public const int Refused = 4;

    /// <summary><c>kill --wait</c> gave up: the Job was not killed within <c>--timeout</c>.</summary>
    public const int WaitTimedOut = 5;

    /// <summary>Interrupted (Ctrl+C) before the command finished, as shells report SIGINT.</summary>
    public const int Interrupted = 130;
}
