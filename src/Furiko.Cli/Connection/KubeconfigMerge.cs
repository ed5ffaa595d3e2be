using k8s;
using k8s.KubeConfigModels;

namespace Furiko.Cli.Connection;

/// <summary>
/// Merges the kubeconfig files listed in <c>KUBECONFIG</c> as kubectl does: clusters, users and contexts are
/// taken by name from the first file that has them, and the current context from the first file that sets one.
/// Relative paths in each file (certificates, keys) are resolved against that file's directory. Thread-safe.
/// </summary>
internal static class KubeconfigMerge
{
    /// <summary>Loads and merges the files.</summary>
    /// <param name="files">The files, in precedence order.</param>
    /// <returns>The merged configuration.</returns>
    public static K8SConfiguration Load(IReadOnlyList<FileInfo> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var clusters = new List<Cluster>();
        var users = new List<User>();
        var contexts = new List<Context>();
        var merged = new K8SConfiguration { Clusters = clusters, Users = users, Contexts = contexts };
        foreach (var file in files)
        {
            var config = KubernetesClientConfiguration.LoadKubeConfig(file, useRelativePaths: true);
            merged.CurrentContext ??= string.IsNullOrEmpty(config.CurrentContext) ? null : config.CurrentContext;
            AddMissing(clusters, config.Clusters, cluster => cluster.Name);
            AddMissing(users, config.Users, user => user.Name);
            AddMissing(contexts, config.Contexts, context => context.Name);
        }

        return merged;
    }

    private static void AddMissing<T>(List<T> into, IEnumerable<T>? from, Func<T, string> name)
    {
        foreach (var item in from ?? [])
        {
            if (item is not null && !into.Exists(existing => name(existing) == name(item)))
            {
                into.Add(item);
            }
        }
    }
}
