namespace Furiko.Sdk.Kubernetes;

/// <summary>What happens to the objects a deleted object owns (Kubernetes' <c>propagationPolicy</c>).</summary>
public enum DeletePropagation
{
    /// <summary>The object goes at once; the garbage collector deletes its dependents afterwards (<c>Background</c>).</summary>
    Background,

    /// <summary>The object stays, marked for deletion, until its dependents with blocking owner references are gone (<c>Foreground</c>).</summary>
    Foreground,

    /// <summary>The dependents are kept and lose their owner reference (<c>Orphan</c>).</summary>
    Orphan,
}
