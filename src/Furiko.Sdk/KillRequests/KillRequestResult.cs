using Furiko.Sdk.Models;
using NodaTime;

namespace Furiko.Sdk.KillRequests;

/// <summary>The outcome of a kill request that was carried out. Immutable record (the Job inside is a plain mutable model).</summary>
/// <param name="Job">The Job as the API server returned it after the patch.</param>
/// <param name="KillAt">The kill time now in <c>spec.killTimestamp</c>.</param>
public sealed record KillRequestResult(Job Job, Instant KillAt);
