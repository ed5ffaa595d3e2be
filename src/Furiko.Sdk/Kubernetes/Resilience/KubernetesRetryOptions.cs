namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// How the SDK retries calls to the Kubernetes API server that failed for a reason that usually passes
/// (429 Too Many Requests, 500, 502, 503, 504, timeouts, refused or reset connections): how many attempts
/// in all, and how long to wait between them (exponential backoff from <see cref="BaseDelay"/>, doubling per
/// attempt, at most <see cref="MaxDelay"/>, optionally jittered). A 429 or 503 answer that carries a
/// <c>Retry-After</c> header is retried after that many seconds instead (at most <see cref="MaxDelay"/>).
/// 404, 409 and 422 are never retried. Watches use the same bound for consecutive failed connections.
/// A plain mutable options object: configure it before use, then do not change it.
/// </summary>
public sealed class KubernetesRetryOptions
{
    /// <summary>The largest <see cref="MaxAttempts"/> accepted.</summary>
    public const int MaxAttemptsLimit = 100;

    /// <summary>The longest delay accepted for <see cref="BaseDelay"/> and <see cref="MaxDelay"/>: one day.</summary>
    public static readonly TimeSpan DelayLimit = TimeSpan.FromDays(1);

    /// <summary>
    /// How many times a call is tried in all, counting the first; 1 turns retries off. From 1 to
    /// <see cref="MaxAttemptsLimit"/>; default 5.
    /// </summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before the first retry; each later retry waits twice as long as the one before. From zero to one day; default 200 ms.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest single wait between two attempts, also for a <c>Retry-After</c> header. At least <see cref="BaseDelay"/>, at most one day; default 10 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Spread the computed waits randomly so that many clients failing at once do not retry in step; default
    /// <see langword="true"/>. A <c>Retry-After</c> wait is never jittered.
    /// </summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>Lists every setting that is out of range, each naming the setting, its value and what is allowed.</summary>
    /// <returns>The problems; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxAttempts is < 1 or > MaxAttemptsLimit)
        {
            problems.Add($"{nameof(MaxAttempts)} is {MaxAttempts}; it must be from 1 (no retries) to {MaxAttemptsLimit}.");
        }

        if (BaseDelay < TimeSpan.Zero || BaseDelay > DelayLimit)
        {
            problems.Add($"{nameof(BaseDelay)} is {BaseDelay}; it must be from 00:00:00 to {DelayLimit}.");
        }

        if (MaxDelay < TimeSpan.Zero || MaxDelay > DelayLimit)
        {
            problems.Add($"{nameof(MaxDelay)} is {MaxDelay}; it must be from 00:00:00 to {DelayLimit}.");
        }
        else if (MaxDelay < BaseDelay)
        {
            problems.Add($"{nameof(MaxDelay)} is {MaxDelay}; it must not be shorter than {nameof(BaseDelay)} ({BaseDelay}).");
        }

        return problems;
    }

    /// <summary>Throws when a setting is out of range, listing every problem.</summary>
    /// <exception cref="ArgumentException">At least one setting is out of range.</exception>
    public void ThrowIfInvalid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid {nameof(KubernetesRetryOptions)}: {string.Join(" ", problems)}");
        }
    }

    /// <summary>A copy, so that a component keeps the settings it was built with.</summary>
    /// <returns>A new options object with the same settings.</returns>
    public KubernetesRetryOptions Clone() => (KubernetesRetryOptions)MemberwiseClone();
}
