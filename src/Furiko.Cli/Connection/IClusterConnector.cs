namespace Furiko.Cli.Connection;

/// <summary>Opens a connection to a cluster from the user's kubeconfig choices. Implementations are thread-safe.</summary>
internal interface IClusterConnector
{
    /// <summary>Opens a connection.</summary>
    /// <param name="options">The kubeconfig file, context and namespace chosen on the command line.</param>
    /// <returns>The connection; the caller disposes it.</returns>
    /// <exception cref="CliException">The kubeconfig cannot be found or read, or names no such context.</exception>
    ClusterConnection Connect(ConnectionOptions options);
}
