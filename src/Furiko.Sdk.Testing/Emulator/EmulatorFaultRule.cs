namespace Furiko.Sdk.Testing.Emulator;

/// <summary>
/// A fault injected into the emulator: the next <see cref="RemainingCount"/> requests that match get the fault.
/// Returned by <see cref="KubernetesEmulator.InjectFault"/>. Thread-safe.
/// </summary>
public sealed class EmulatorFaultRule
{
    private int _remaining;
    private int _hits;

    internal EmulatorFaultRule(RequestMatch match, EmulatorFault fault, int times)
    {
        Match = match;
        Fault = fault;
        _remaining = times;
    }

    /// <summary>Which requests the fault applies to.</summary>
    public RequestMatch Match { get; }

    /// <summary>What happens to them.</summary>
    public EmulatorFault Fault { get; }

    /// <summary>How many more matching requests will get the fault.</summary>
    public int RemainingCount => Volatile.Read(ref _remaining);

    /// <summary>How many requests got the fault so far.</summary>
    public int HitCount => Volatile.Read(ref _hits);

    /// <summary>Stops the fault: no further request gets it.</summary>
    public void Cancel() => Interlocked.Exchange(ref _remaining, 0);

    /// <summary>Takes one use of the fault if any is left.</summary>
    internal bool TryTake()
    {
        while (true)
        {
            var remaining = Volatile.Read(ref _remaining);
            if (remaining <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _remaining, remaining - 1, remaining) == remaining)
            {
                Interlocked.Increment(ref _hits);
                return true;
            }
        }
    }
}
