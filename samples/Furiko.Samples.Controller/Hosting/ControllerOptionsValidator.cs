using Furiko.Samples.Controller.Leadership;
using Microsoft.Extensions.Options;

namespace Furiko.Samples.Controller.Hosting;

/// <summary>
/// Checks <see cref="ControllerOptions"/> when the host starts, and names every setting that is out of range with
/// what is allowed. Stateless; thread-safe.
/// </summary>
internal sealed class ControllerOptionsValidator : IValidateOptions<ControllerOptions>
{
    /// <summary>How much longer than the retry period the renew deadline must be (KubernetesClient's elector jitters by 1.2, as client-go does).</summary>
    public const double JitterFactor = 1.2;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ControllerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Section = ControllerOptions.SectionName;
        var problems = new List<string>();
        if (options.Workers < 1)
        {
            problems.Add($"{Section}:Workers is {options.Workers}; it must be at least 1.");
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero)
        {
            problems.Add($"{Section}:RetryBaseDelay is {options.RetryBaseDelay}; it must be more than zero.");
        }

        if (options.RetryMaxDelay < options.RetryBaseDelay)
        {
            problems.Add($"{Section}:RetryMaxDelay is {options.RetryMaxDelay}; it must be at least RetryBaseDelay ({options.RetryBaseDelay}).");
        }

        var election = options.LeaderElection;
        if (election is null)
        {
            problems.Add($"{Section}:LeaderElection is missing.");
            return ValidateOptionsResult.Fail(problems);
        }

        if (string.IsNullOrWhiteSpace(election.LeaseName))
        {
            problems.Add($"{Section}:LeaderElection:LeaseName is empty; name the Lease the replicas compete for.");
        }

        if (election.RetryPeriod <= TimeSpan.Zero)
        {
            problems.Add($"{Section}:LeaderElection:RetryPeriod is {election.RetryPeriod}; it must be more than zero.");
        }

        if (election.RenewDeadline <= election.RetryPeriod * JitterFactor)
        {
            problems.Add($"{Section}:LeaderElection:RenewDeadline is {election.RenewDeadline}; it must be more than {JitterFactor} x RetryPeriod ({election.RetryPeriod * JitterFactor}).");
        }

        if (election.LeaseDuration <= election.RenewDeadline)
        {
            problems.Add($"{Section}:LeaderElection:LeaseDuration is {election.LeaseDuration}; it must be more than RenewDeadline ({election.RenewDeadline}), or a leader could still be working when another takes over.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
