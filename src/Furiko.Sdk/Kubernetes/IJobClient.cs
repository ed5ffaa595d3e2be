using Furiko.Sdk.Models;

namespace Furiko.Sdk.Kubernetes;

/// <summary>A typed client for Furiko <see cref="Job"/>s (<c>jobs.execution.furiko.io</c>). Implementations are thread-safe.</summary>
public interface IJobClient : IFurikoResourceClient<Job, JobList>
{
}
