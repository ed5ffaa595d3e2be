namespace Furiko.Sdk.Kubernetes;

/// <summary>Registered once by <c>AddFurikoKubernetes</c>, so that a second call adds nothing twice; and the texts its registrations share.</summary>
internal sealed class FurikoKubernetesRegistration
{
    /// <summary>What to do when the application registered no <see cref="k8s.IKubernetes"/>.</summary>
    public const string MissingKubernetesMessage =
        "Furiko.Sdk's Kubernetes adapters need an IKubernetes, and none is registered. Register one before building the container, " +
        "for example services.AddSingleton<IKubernetes>(new Kubernetes(KubernetesClientConfiguration.BuildDefaultConfig())).";
}
