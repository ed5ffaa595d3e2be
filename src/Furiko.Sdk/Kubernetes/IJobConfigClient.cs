using Furiko.Sdk.Models;

namespace Furiko.Sdk.Kubernetes;

/// <summary>A typed client for Furiko <see cref="JobConfig"/>s (<c>jobconfigs.execution.furiko.io</c>). Implementations are thread-safe.</summary>
public interface IJobConfigClient : IFurikoResourceClient<JobConfig, JobConfigList>
{
}
