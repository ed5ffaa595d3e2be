using Furiko.Sdk.Kubernetes;

namespace Furiko.Sdk.Tests.Kubernetes;

/// <summary>Builds clients over a <see cref="RecordingHandler"/> with retries that do not wait.</summary>
internal static class ClientFactory
{
    public static KubernetesRetryOptions NoWait(int maxAttempts = 5) =>
        new() { MaxAttempts = maxAttempts, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero, UseJitter = false };

    public static JobClient Jobs(k8s.IKubernetes kubernetes, int maxAttempts = 5) => new(kubernetes, NoWait(maxAttempts), TimeProvider.System);
}
