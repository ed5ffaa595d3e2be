using Furiko.Sdk.Models;
using NodaTime;

namespace Furiko.Sdk.KillRequests;

/// <summary>The outcome of cancelling a kill. Immutable record (the Job inside is a plain mutable model).</summary>
/// <param name="Job">The Job afterwards: as returned by the patch, or as read when there was nothing to clear.</param>
/// <param name="ClearedKillTime">The kill time that was cleared; <see langword="null"/> when the Job had none and nothing was sent.</param>
public sealed record KillCancellationResult(Job Job, Instant? ClearedKillTime);
