using k8s;
using k8s.Exceptions;

namespace Furiko.Cli.Connection;

/// <summary>
/// Connects the way kubectl does: the file of <c>--kubeconfig</c>, else the files listed in <c>KUBECONFIG</c>
/// (separated by the platform's path separator and merged, the first one that sets a value winning), else
/// <c>$HOME/.kube/config</c>; the context of <c>--context</c>, else the current context; and, when no kubeconfig
/// exists at all but the tool runs inside a Pod, the in-cluster service account. Reads variables from the given
/// map, never from the process, so tests can drive it. Thread-safe.
/// </summary>
internal sealed class KubeconfigClusterConnector : IClusterConnector
{
    private readonly IReadOnlyDictionary<string, string> _variables;

    /// <summary>Creates the connector.</summary>
    /// <param name="variables">The environment variables (<c>KUBECONFIG</c>, <c>HOME</c>, <c>KUBERNETES_SERVICE_HOST</c>).</param>
    public KubeconfigClusterConnector(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        _variables = variables;
    }

    /// <inheritdoc />
    public ClusterConnection Connect(ConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configuration = BuildConfiguration(options);
        return new ClusterConnection(new Kubernetes(configuration), configuration.Namespace);
    }

    private KubernetesClientConfiguration BuildConfiguration(ConnectionOptions options)
    {
        var files = KubeconfigFiles(options);
        try
        {
            if (files.Count == 0)
            {
                if (options.Context is null && Variable("KUBERNETES_SERVICE_HOST") is not null && KubernetesClientConfiguration.IsInCluster())
                {
                    return KubernetesClientConfiguration.InClusterConfig();
                }

                throw new CliException("no kubeconfig found: pass --kubeconfig, set KUBECONFIG, or create $HOME/.kube/config");
            }

            if (files.Count == 1)
            {
                return KubernetesClientConfiguration.BuildConfigFromConfigFile(files[0], options.Context);
            }

            var merged = KubeconfigMerge.Load(files);
            return KubernetesClientConfiguration.BuildConfigFromConfigObject(merged, options.Context);
        }
        catch (KubeConfigException ex)
        {
            throw new CliException($"cannot use kubeconfig {string.Join(Path.PathSeparator, files.Select(f => f.FullName))}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or YamlDotNet.Core.YamlException)
        {
            throw new CliException($"cannot read kubeconfig {string.Join(Path.PathSeparator, files.Select(f => f.FullName))}: {ex.Message}", ex);
        }
    }

    // kubectl's precedence: the flag, then the variable, then the file in the home directory.
    private List<FileInfo> KubeconfigFiles(ConnectionOptions options)
    {
        if (!string.IsNullOrEmpty(options.KubeconfigPath))
        {
            var file = new FileInfo(options.KubeconfigPath);
            return file.Exists ? [file] : throw new CliException($"kubeconfig file {options.KubeconfigPath} (--kubeconfig) does not exist");
        }

        if (Variable("KUBECONFIG") is { Length: > 0 } list)
        {
            // Like kubectl, files listed but missing are skipped; if none exists, that is an error.
            var listed = list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var existing = listed.Select(path => new FileInfo(path)).Where(file => file.Exists).ToList();
            return existing.Count > 0 ? existing : throw new CliException($"no file listed in KUBECONFIG exists: {list}");
        }

        if (Variable("HOME") is { Length: > 0 } home)
        {
            var file = new FileInfo(Path.Combine(home, ".kube", "config"));
            if (file.Exists)
            {
                return [file];
            }
        }

        return [];
    }

    private string? Variable(string name) => _variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
