namespace Furiko.Sdk.DependencyInjection;

/// <summary>Registered once by <c>AddFurikoTermination</c>, so that a second call adds nothing twice.</summary>
internal sealed class FurikoTerminationMarker;
