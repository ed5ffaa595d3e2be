using System.Net;
using Furiko.Sdk.Models;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Furiko.Sdk.Testing.Tests.Emulator;

/// <summary>Small builders and assertions shared by the emulator tests.</summary>
internal static class TestObjects
{
    public const string Ns = "default";

    public static V1Pod Pod(string name, IDictionary<string, string>? labels = null, string? nodeName = null, string ns = Ns) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = labels },
        Spec = new V1PodSpec { NodeName = nodeName, Containers = [new V1Container { Name = "main", Image = "busybox" }] },
    };

    public static Job Job(string name, string ns = Ns) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new JobSpec { Type = JobType.Adhoc, Template = new JobTemplate() },
    };

    /// <summary>A resourceVersion as a number, to compare versions.</summary>
    public static long Rv(string resourceVersion) => long.Parse(resourceVersion, System.Globalization.CultureInfo.InvariantCulture);

    public static GenericClient Jobs(IKubernetes client) => new(client, FurikoApi.Group, FurikoApi.Version, FurikoApi.JobPlural, disposeClient: false);

    /// <summary>Runs a call that must fail with <paramref name="code"/> and returns the v1 Status body the server sent.</summary>
    public static async Task<V1Status> ExpectStatusAsync(HttpStatusCode code, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<HttpOperationException>(call);
        Assert.Equal(code, ex.Response.StatusCode);
        var status = KubernetesJson.Deserialize<V1Status>(ex.Response.Content);
        Assert.Equal("Status", status.Kind);
        Assert.Equal("v1", status.ApiVersion);
        Assert.Equal("Failure", status.Status);
        Assert.Equal((int)code, status.Code);
        return status;
    }
}
