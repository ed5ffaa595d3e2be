using Furiko.Sdk.KillRequests;
using Furiko.Sdk.Serialization;
using Furiko.Sdk.Text;
using NodaTime;

namespace Furiko.Cli.Kill;

/// <summary>
/// Turns the <c>kill</c> options into the SDK's <see cref="KillRequest"/>, with Furiko's messages for values that
/// do not parse and for <c>--at</c> together with <c>--after</c> (FURIKO-SEMANTICS 5.6 step 2). The time rules
/// (past time, existing kill time, finished Job) are the SDK's, checked by the kill request service. Thread-safe.
/// </summary>
internal static class KillArguments
{
    /// <summary>Builds the request.</summary>
    /// <param name="at">The <c>--at</c> text (RFC 3339), if given.</param>
    /// <param name="after">The <c>--after</c> text (Go duration), if given.</param>
    /// <param name="overrideExisting">Whether <c>--override</c> was given.</param>
    /// <param name="allowFinished">Whether <c>--allow-finished</c> was given.</param>
    /// <returns>The request.</returns>
    /// <exception cref="CliException">A usage error (exit code 2): a value does not parse, or both times were given.</exception>
    public static KillRequest ToRequest(string? at, string? after, bool overrideExisting, bool allowFinished)
    {
        Duration? afterDuration = null;
        if (after is not null)
        {
            afterDuration = GoDuration.TryParse(after, out var duration, out var error)
                ? duration
                : throw CliException.Usage($"invalid value for --after: {error}");
        }

        Instant? atInstant = null;
        if (at is not null)
        {
            // FURIKO-SEMANTICS 5.6 step 2: --at is parsed before the two options are checked against each other.
            atInstant = InstantJsonConverter.TryParse(at, out var instant, out _)
                ? instant
                : throw CliException.Usage(
                    $"invalid value for --at: cannot parse {at} as RFC3339 timestamp: expected a time like 2021-02-09T04:04:04Z or 2021-02-09T12:04:04+08:00");
        }

        if (atInstant is not null && afterDuration is not null)
        {
            throw CliException.Usage("cannot specify both --after and --at together");
        }

        return new KillRequest { At = atInstant, After = afterDuration, Override = overrideExisting, AllowFinished = allowFinished };
    }
}
