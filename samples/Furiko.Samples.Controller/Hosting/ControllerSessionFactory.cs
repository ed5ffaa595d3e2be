using Furiko.Sdk.Kubernetes;
using k8s;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Furiko.Samples.Controller.Hosting;

/// <summary>Starts a <see cref="ControllerSession"/> from the container's services, once per term of leadership. Thread-safe.</summary>
internal sealed class ControllerSessionFactory
{
    private readonly IKubernetes _kubernetes;
    private readonly IJobClient _jobs;
    private readonly IJobReconciler _reconciler;
    private readonly IOptions<ControllerOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;

    /// <summary>Creates the factory.</summary>
    /// <param name="kubernetes">The Kubernetes client.</param>
    /// <param name="jobs">The SDK's Job client.</param>
    /// <param name="reconciler">The SDK's reconciler.</param>
    /// <param name="options">The controller's options.</param>
    /// <param name="time">The time source for delays.</param>
    /// <param name="loggers">Creates loggers.</param>
    public ControllerSessionFactory(
        IKubernetes kubernetes, IJobClient jobs, IJobReconciler reconciler, IOptions<ControllerOptions> options, TimeProvider time, ILoggerFactory loggers)
    {
        _kubernetes = kubernetes;
        _jobs = jobs;
        _reconciler = reconciler;
        _options = options;
        _time = time;
        _loggers = loggers;
    }

    /// <summary>Starts a new session.</summary>
    /// <returns>The running session.</returns>
    public ControllerSession Start() => new(_kubernetes, _jobs, _reconciler, _options.Value, _time, _loggers);
}
