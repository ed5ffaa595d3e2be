using Furiko.Sdk.Models;

namespace Furiko.Sdk.Kubernetes;

/// <summary>What a status write did. Immutable; thread-safe as long as the Job is not changed.</summary>
/// <param name="Job">The Job as stored afterwards: the server's answer to the write, or the Job as last read when nothing was sent.</param>
/// <param name="Written">Whether a status was written (false when the derived status equalled the stored one).</param>
/// <param name="Attempts">How many conditional writes were tried (0 when nothing was sent; more than 1 after conflicts).</param>
public sealed record JobStatusWriteResult(Job Job, bool Written, int Attempts);
