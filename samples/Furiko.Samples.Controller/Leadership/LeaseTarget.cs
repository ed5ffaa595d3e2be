using System.Security.Cryptography;

namespace Furiko.Samples.Controller.Leadership;

/// <summary>
/// The Lease this replica competes for and the name it holds it under, resolved once at start-up from
/// <see cref="LeaderElectionOptions"/> and the environment. Immutable; thread-safe.
/// </summary>
/// <param name="Namespace">The Lease's namespace.</param>
/// <param name="Name">The Lease's name.</param>
/// <param name="Identity">This replica's holder identity.</param>
internal sealed record LeaseTarget(string Namespace, string Name, string Identity)
{
    /// <summary>The identity prefix used when neither the options nor the environment name the replica.</summary>
    public const string FallbackIdentityPrefix = "furiko-sample-controller-";

    /// <summary>
    /// Resolves the target: the Lease namespace from the options, else <c>POD_NAMESPACE</c>, else <c>default</c>; the
    /// identity from the options, else <c>POD_NAME</c>, else <c>HOSTNAME</c>, else <see cref="FallbackIdentityPrefix"/> and
    /// eight random hexadecimal digits.
    /// </summary>
    /// <param name="options">The leader election options.</param>
    /// <param name="environment">Reads an environment variable (<see cref="Environment.GetEnvironmentVariable(string)"/> in production).</param>
    /// <returns>The target.</returns>
    public static LeaseTarget Resolve(LeaderElectionOptions options, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var ns = FirstSet(options.LeaseNamespace, environment("POD_NAMESPACE")) ?? "default";
        var identity = FirstSet(options.Identity, environment("POD_NAME"), environment("HOSTNAME"))
            ?? FallbackIdentityPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        return new LeaseTarget(ns, options.LeaseName, identity);
    }

    private static string? FirstSet(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
