using Furiko.Cli.Connection;
using Furiko.Cli.Output;
using Furiko.Sdk.Kubernetes;

namespace Furiko.Cli.Commands;

/// <summary>
/// What one command run works with: the environment, the connection to the cluster (opened on first use and
/// disposed with the session), the namespace, a Job client, the time layout and the terminal style. Not
/// thread-safe: one command at a time.
/// </summary>
internal sealed class CommandSession : IDisposable
{
    private readonly ConnectionOptions _connectionOptions;
    private ClusterConnection? _connection;
    private JobClient? _jobs;

    /// <summary>Creates the session; nothing is connected yet.</summary>
    /// <param name="environment">The tool's environment.</param>
    /// <param name="connectionOptions">The kubeconfig choices of the command line.</param>
    public CommandSession(CliEnvironment environment, ConnectionOptions connectionOptions)
    {
        Environment = environment;
        _connectionOptions = connectionOptions;
        Time = new TimeDisplay(environment.TimeZone);
        Style = TerminalStyle.For(environment);
    }

    /// <summary>The tool's environment.</summary>
    public CliEnvironment Environment { get; }

    /// <summary>How times are shown.</summary>
    public TimeDisplay Time { get; }

    /// <summary>Whether standard output is painted.</summary>
    public TerminalStyle Style { get; }

    /// <summary>The connection, opened on first use.</summary>
    public ClusterConnection Connection => _connection ??= Environment.Connector.Connect(_connectionOptions);

    /// <summary>The namespace to act in.</summary>
    public string Namespace => Connection.NamespaceFor(_connectionOptions.Namespace);

    /// <summary>The Job client over the connection (retries wait on the environment's time source).</summary>
    public IJobClient Jobs => _jobs ??= new JobClient(Connection.Client, new KubernetesRetryOptions(), Environment.TimeProvider);

    /// <inheritdoc />
    public void Dispose() => _connection?.Dispose();
}
