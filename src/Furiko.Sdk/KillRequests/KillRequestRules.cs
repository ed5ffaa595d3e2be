using Furiko.Sdk.Models;
using Furiko.Sdk.Text;
using NodaTime;

namespace Furiko.Sdk.KillRequests;

/// <summary>
/// The rules a kill request must pass before anything is sent (FURIKO-SEMANTICS 5.6, 5.7, 7.6), split in the
/// two halves around fetching the Job: <see cref="ResolveKillTime"/> (arguments and the past-time rule, before
/// the fetch) and <see cref="CheckAgainstJob"/> (finished, existing and passed kill times, after it). Messages
/// use Furiko's wording and Go's UTC time layout. Pure; thread-safe.
/// </summary>
public static class KillRequestRules
{
    /// <summary>Works out the kill time of a request and refuses one in the past.</summary>
    /// <param name="request">The request.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The kill time: the request's instant, now plus its duration, or now.</returns>
    /// <exception cref="KillRequestRefusedException">Both an instant and a duration were given, or the time is strictly before now.</exception>
    public static Instant ResolveKillTime(KillRequest request, Instant now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.At is not null && request.After is not null)
        {
            throw new KillRequestRefusedException(KillRequestRule.AtAndAfterTogether, "cannot specify both --after and --at together");
        }

        var killAt = request.At ?? (request.After is { } after ? now + after : now);
        if (killAt < now)
        {
            // Equal to now is accepted (FURIKO-SEMANTICS 5.6 step 3).
            throw new KillRequestRefusedException(
                KillRequestRule.TimeInThePast,
                $"cannot specify to kill job after a time in the past: {GoTimeFormat.Format(killAt)}");
        }

        return killAt;
    }

    /// <summary>Checks a request against the fetched Job, in the documented order: finished, existing kill time, passed kill time.</summary>
    /// <param name="job">The Job as just read from the API server.</param>
    /// <param name="request">The request.</param>
    /// <param name="killAt">The kill time from <see cref="ResolveKillTime"/>.</param>
    /// <param name="now">The current time.</param>
    /// <exception cref="KillRequestRefusedException">A rule refuses the request.</exception>
    public static void CheckAgainstJob(Job job, KillRequest request, Instant killAt, Instant now)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(request);

        if (!request.AllowFinished && job.Status?.Phase is { IsTerminal: true } phase)
        {
            throw new KillRequestRefusedException(
                KillRequestRule.JobFinished,
                $"job {Describe(job)} has already finished with phase {phase}; "
                + "use --allow-finished (KillRequest.AllowFinished) to set a kill timestamp anyway");
        }

        if (job.Spec.KillTimestamp is { } existing)
        {
            if (!request.Override)
            {
                throw new KillRequestRefusedException(
                    KillRequestRule.KillTimeAlreadySet,
                    $"job already has a kill timestamp set to {GoTimeFormat.Format(existing)}, use --override to override previous value");
            }

            if (existing < now && existing != killAt)
            {
                throw Immutable(GoTimeFormat.Format(killAt));
            }
        }
    }

    /// <summary>Checks that a Job's kill time may be cleared (cancelling a kill that has not happened yet).</summary>
    /// <param name="job">The Job as just read from the API server.</param>
    /// <param name="now">The current time.</param>
    /// <returns><see langword="true"/> when there is a kill time to clear; <see langword="false"/> when there is none.</returns>
    /// <exception cref="KillRequestRefusedException">The kill time has already passed.</exception>
    public static bool CheckCancellation(Job job, Instant now)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Spec.KillTimestamp is not { } existing)
        {
            return false;
        }

        if (existing < now)
        {
            throw Immutable("null");
        }

        return true;
    }

    private static KillRequestRefusedException Immutable(string newValue) =>
        new(KillRequestRule.KillTimeImmutableOncePassed, $"spec.killTimestamp: Invalid value: {newValue}: field is immutable once passed");

    private static string Describe(Job job) => $"{job.Metadata.NamespaceProperty}/{job.Metadata.Name}";
}
