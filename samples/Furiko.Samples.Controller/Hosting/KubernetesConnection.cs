using k8s;

namespace Furiko.Samples.Controller.Hosting;

/// <summary>
/// Chooses how the controller reaches the API server, as kubectl and client-go do: inside a cluster, the Pod's
/// ServiceAccount; outside, the kubeconfig named by <c>KUBECONFIG</c> (else <c>~/.kube/config</c>) and its current
/// context. Stateless; thread-safe.
/// </summary>
internal static class KubernetesConnection
{
    /// <summary>The client configuration for where the process runs.</summary>
    /// <returns>The configuration.</returns>
    /// <exception cref="k8s.Exceptions.KubeConfigException">Outside a cluster, with no usable kubeconfig.</exception>
    public static KubernetesClientConfiguration Configure() =>
        KubernetesClientConfiguration.IsInCluster()
            ? KubernetesClientConfiguration.InClusterConfig()
            : KubernetesClientConfiguration.BuildConfigFromConfigFile(Environment.GetEnvironmentVariable("KUBECONFIG"));
}
