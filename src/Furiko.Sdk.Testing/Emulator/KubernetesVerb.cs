namespace Furiko.Sdk.Testing.Emulator;

/// <summary>The API verb of a request, as Kubernetes names it (and as RBAC and audit logs do).</summary>
public enum KubernetesVerb
{
    /// <summary>GET of one object.</summary>
    Get,

    /// <summary>GET of a collection.</summary>
    List,

    /// <summary>GET of a collection with <c>watch=true</c>: a stream of change events.</summary>
    Watch,

    /// <summary>POST of a new object.</summary>
    Create,

    /// <summary>PUT replacing an object (or its status).</summary>
    Update,

    /// <summary>PATCH of an object (or its status).</summary>
    Patch,

    /// <summary>DELETE of one object.</summary>
    Delete,
}
