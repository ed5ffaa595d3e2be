namespace Furiko.Cli;

/// <summary>
/// A failure the tool reports with a message of its own and a given exit code (see <see cref="ExitCodes"/>), for
/// example a usage error or a <c>--wait</c> timeout. Immutable once thrown.
/// </summary>
internal sealed class CliException : Exception
{
    /// <summary>Creates the exception with the generic failure code.</summary>
    public CliException()
        : this(ExitCodes.Failure, "the command failed")
    {
    }

    /// <summary>Creates the exception with the generic failure code.</summary>
    /// <param name="message">What went wrong, for people.</param>
    public CliException(string message)
        : this(ExitCodes.Failure, message)
    {
    }

    /// <summary>Creates the exception with the generic failure code and a cause.</summary>
    /// <param name="message">What went wrong, for people.</param>
    /// <param name="innerException">The cause.</param>
    public CliException(string message, Exception? innerException)
        : base(message, innerException)
    {
        ExitCode = ExitCodes.Failure;
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="exitCode">The exit code the tool ends with.</param>
    /// <param name="message">What went wrong, for people.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CliException(int exitCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    /// <summary>The exit code the tool ends with.</summary>
    public int ExitCode { get; }

    /// <summary>A usage error (exit code 2).</summary>
    /// <param name="message">What is wrong with the command line.</param>
    /// <returns>The exception.</returns>
    public static CliException Usage(string message) => new(ExitCodes.Usage, message);
}
