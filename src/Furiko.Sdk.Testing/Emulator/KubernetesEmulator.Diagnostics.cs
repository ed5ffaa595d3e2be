namespace Furiko.Sdk.Testing.Emulator;

/// <summary>What the emulator was asked (the request log and counts) and the faults it injects.</summary>
public sealed partial class KubernetesEmulator
{
    /// <summary>
    /// Every request answered so far, in the order the answers were given (a snapshot; concurrent requests may be
    /// answered in another order than they arrived, see <see cref="EmulatorRequestRecord.Time"/>).
    /// </summary>
    public IReadOnlyList<EmulatorRequestRecord> RequestLog => _server.RequestLog();

    /// <summary>How many requests with this verb on this resource were answered (faulted ones included).</summary>
    /// <param name="verb">The verb.</param>
    /// <param name="resource">The plural resource name, for example <c>pods</c>.</param>
    /// <param name="subresource">The subresource to count (for example <c>status</c>), or null to count requests on the main resource only.</param>
    /// <returns>The count.</returns>
    public int CountRequests(KubernetesVerb verb, string resource, string? subresource = null) =>
        RequestLog.Count(r => r.Verb == verb && r.Resource == resource && r.Subresource == subresource);

    /// <summary>Forgets the requests logged so far (counts start again from zero).</summary>
    public void ClearRequestLog() => _server.ClearRequestLog();

    /// <summary>
    /// Makes the next <paramref name="times"/> requests that match get <paramref name="fault"/> instead of (or,
    /// for a delay, before) their normal answer. A faulted request changes nothing. Faults are checked in the order
    /// they were injected; the first matching one with uses left applies.
    /// </summary>
    /// <param name="match">Which requests (verb, resource, name, ...).</param>
    /// <param name="fault">What happens to them.</param>
    /// <param name="times">How many requests get it; at least 1.</param>
    /// <returns>The rule, to watch its use or cancel it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="times"/> is less than 1.</exception>
    public EmulatorFaultRule InjectFault(RequestMatch match, EmulatorFault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        return _server.AddFault(match, fault, times);
    }

    /// <summary>Cancels every injected fault.</summary>
    public void ClearFaults() => _server.ClearFaults();
}
