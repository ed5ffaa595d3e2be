namespace Furiko.Sdk.Kubernetes;

/// <summary>When a failed call may be sent again.</summary>
internal enum RetrySafety
{
    /// <summary>Sending it twice has the effect of sending it once (reads, patches, precondition-guarded writes, deletes): retry every transient failure.</summary>
    Idempotent,

    /// <summary>Sending it twice could act twice (a create with a generated name): retry only when the request certainly never reached the server.</summary>
    OnlyIfNotSent,
}
