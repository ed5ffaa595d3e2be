using System.Globalization;
using Microsoft.Extensions.Options;

namespace Furiko.Sdk.Termination;

/// <summary>
/// Validates <see cref="TerminationOptions"/>: every problem is reported at once, each message naming the setting
/// (by its configuration path), the value found and the range allowed. Unlike Furiko, a negative timeout is an
/// error rather than a silent "disabled" (FURIKO-SEMANTICS 7.11). Stateless; thread-safe.
/// </summary>
public sealed class TerminationOptionsValidator : IValidateOptions<TerminationOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TerminationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = FindProblems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Throws when the options are invalid; for parts built without dependency injection.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="OptionsValidationException">A setting is out of range; the message names it.</exception>
    internal static void ThrowIfInvalid(TerminationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = FindProblems(options);
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(TerminationOptions), problems);
        }
    }

    private static List<string> FindProblems(TerminationOptions options)
    {
        var problems = new List<string>();
        CheckTimeout(problems, nameof(TerminationOptions.ForceDeleteTaskTimeoutSeconds), options.ForceDeleteTaskTimeoutSeconds, "disables force deletion");
        CheckTimeout(problems, nameof(TerminationOptions.DefaultPendingTimeoutSeconds), options.DefaultPendingTimeoutSeconds, "disables the default pending timeout");
        if (options.MaxConcurrentDeletes < 1)
        {
            problems.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{Path(nameof(TerminationOptions.MaxConcurrentDeletes))} is {options.MaxConcurrentDeletes}, but must be between 1 and {int.MaxValue}."));
        }

        return problems;
    }

    private static void CheckTimeout(List<string> problems, string setting, long value, string zeroMeans)
    {
        if (value is < 0 or > TerminationOptions.MaxTimeoutSeconds)
        {
            problems.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{Path(setting)} is {value}, but must be between 0 (which {zeroMeans}) and {TerminationOptions.MaxTimeoutSeconds} seconds."));
        }
    }

    private static string Path(string setting) => TerminationOptions.SectionName + ":" + setting;
}
