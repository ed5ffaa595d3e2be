using Furiko.Sdk.Models;
using k8s;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// The typed client for Furiko <see cref="Job"/>s over a KubernetesClient <see cref="IKubernetes"/>, which it uses
/// but never disposes. Thread-safe.
/// </summary>
public sealed class JobClient : FurikoResourceClient<Job, JobList>, IJobClient
{
    /// <summary>Creates a client with the default retry settings and the system time for waits.</summary>
    /// <param name="kubernetes">The Kubernetes client to call through; not disposed by this client.</param>
    public JobClient(IKubernetes kubernetes)
        : this(kubernetes, new KubernetesRetryOptions(), TimeProvider.System)
    {
    }

    /// <summary>Creates a client.</summary>
    /// <param name="kubernetes">The Kubernetes client to call through; not disposed by this client.</param>
    /// <param name="retryOptions">How to retry transient failures (copied; validated).</param>
    /// <param name="timeProvider">The time source for waits between retries.</param>
    /// <exception cref="ArgumentException">The retry options are invalid.</exception>
    public JobClient(IKubernetes kubernetes, KubernetesRetryOptions retryOptions, TimeProvider timeProvider)
        : base(kubernetes, retryOptions, timeProvider)
    {
    }
}
