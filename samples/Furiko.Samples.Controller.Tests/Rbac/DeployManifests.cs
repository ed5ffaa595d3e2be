using k8s;
using k8s.Models;

namespace Furiko.Samples.Controller.Tests.Rbac;

/// <summary>The shipped deploy/*.yaml and appsettings.json, as copied next to the tests.</summary>
internal static class DeployManifests
{
    public static string RbacYaml => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "deploy", "rbac.yaml"));

    public static V1Deployment Deployment =>
        KubernetesYaml.LoadAllFromString(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "deploy", "deployment.yaml"))).OfType<V1Deployment>().Single();

    public static string AppSettingsPath => Path.Combine(AppContext.BaseDirectory, "controller", "appsettings.json");

    /// <summary>The ServiceAccount the Deployment runs as: its namespace and name.</summary>
    public static (string Namespace, string Name) ServiceAccount =>
        (Deployment.Metadata.NamespaceProperty, Deployment.Spec.Template.Spec.ServiceAccountName);
}
