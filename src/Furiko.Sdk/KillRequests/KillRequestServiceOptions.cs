namespace Furiko.Sdk.KillRequests;

/// <summary>Settings of <see cref="KillRequestService"/>. A plain mutable options object: configure it before use.</summary>
public sealed class KillRequestServiceOptions
{
    /// <summary>The largest <see cref="MaxAttempts"/> accepted.</summary>
    public const int MaxAttemptsLimit = 100;

    /// <summary>
    /// How many times the patch is sent in all when the Job keeps changing under it (each 409 Conflict is
    /// followed by a re-read and a new check). From 1 to <see cref="MaxAttemptsLimit"/>; default 5.
    /// </summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Lists every setting that is out of range.</summary>
    /// <returns>The problems; empty when valid.</returns>
    public IReadOnlyList<string> Validate() =>
        MaxAttempts is < 1 or > MaxAttemptsLimit
            ? [$"{nameof(MaxAttempts)} is {MaxAttempts}; it must be from 1 to {MaxAttemptsLimit}."]
            : [];

    /// <summary>Throws when a setting is out of range, listing every problem.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void ThrowIfInvalid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid {nameof(KillRequestServiceOptions)}: {string.Join(" ", problems)}");
        }
    }
}
