using k8s;

namespace Furiko.Cli.Connection;

/// <summary>
/// A client for one cluster, with the namespace commands act in when none is given. Owns the client: disposing
/// the connection disposes it. Not thread-safe to dispose; the client itself is thread-safe.
/// </summary>
internal sealed class ClusterConnection : IDisposable
{
    /// <summary>Creates a connection.</summary>
    /// <param name="client">The client; disposed with the connection.</param>
    /// <param name="contextNamespace">The namespace of the kubeconfig context, if it names one.</param>
    public ClusterConnection(IKubernetes client, string? contextNamespace)
    {
        ArgumentNullException.ThrowIfNull(client);
        Client = client;
        ContextNamespace = string.IsNullOrEmpty(contextNamespace) ? null : contextNamespace;
    }

    /// <summary>The Kubernetes client.</summary>
    public IKubernetes Client { get; }

    /// <summary>The namespace the kubeconfig context names; <see langword="null"/> when it names none.</summary>
    public string? ContextNamespace { get; }

    /// <summary>The namespace to act in: the one given on the command line, else the context's, else <c>default</c>.</summary>
    /// <param name="given">The <c>-n/--namespace</c> value, if any.</param>
    /// <returns>The namespace.</returns>
    public string NamespaceFor(string? given) => !string.IsNullOrEmpty(given) ? given : ContextNamespace ?? "default";

    /// <inheritdoc />
    public void Dispose() => Client.Dispose();
}
