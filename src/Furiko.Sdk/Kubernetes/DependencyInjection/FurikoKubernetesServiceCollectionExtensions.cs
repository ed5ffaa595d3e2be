using Furiko.Sdk.DependencyInjection;
using Furiko.Sdk.KillRequests;
using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.Deletion;
using Furiko.Sdk.Termination.Execution;
using Furiko.Sdk.Termination.Planning;
using k8s;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

// Extension methods for IServiceCollection live here so that they are found without an extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Furiko.Sdk's Kubernetes adapters (and the termination engine they carry out) in a service collection.</summary>
public static class FurikoKubernetesServiceCollectionExtensions
{
    /// <summary>
    /// Registers everything a controller needs to kill and reconcile Furiko Jobs on a cluster: the termination
    /// engine with Furiko's default parts (<c>AddFurikoTermination</c>, called here), the typed clients
    /// (<see cref="IJobClient"/>, <see cref="IJobConfigClient"/>), the Pod lookup (<see cref="IJobPodLookup"/>), the Pod
    /// deletion strategy (<see cref="ITaskDeletionStrategy"/>), the status writer (<see cref="IJobStatusWriter"/>, also the
    /// engine's <see cref="ITerminationStatusSink"/>), the Event recorder (<see cref="IJobEventRecorder"/>), the reconciler
    /// (<see cref="IJobReconciler"/>) and the kill request service (<see cref="IKillRequestService"/>), all singletons.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The adapters talk through the <see cref="IKubernetes"/> the application registers (for example
    /// <c>services.AddSingleton&lt;IKubernetes&gt;(new Kubernetes(KubernetesClientConfiguration.BuildDefaultConfig()))</c>);
    /// without one, options validation fails when the host starts, and resolving an adapter throws an
    /// <see cref="InvalidOperationException"/> that says so. Waits between retries use the registered
    /// <see cref="TimeProvider"/> (<see cref="TimeProvider.System"/> unless one is registered); decisions use the
    /// registered <see cref="IClock"/>.
    /// </para>
    /// <para>
    /// Every default is added only when the service has no registration yet, so an application's earlier
    /// registration wins; replace parts later through the returned builder or <c>services.Replace</c>.
    /// <see cref="FurikoKubernetesOptions"/> are bound from the section <c>Furiko:Kubernetes</c> and
    /// <see cref="TerminationOptions"/> from <c>Furiko:Termination</c> (when an <c>IConfiguration</c> is registered), then
    /// the delegates run; both are validated when first used and when a host starts. Calling this again adds no
    /// registration twice (except further delegates).
    /// </para>
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets adapter options in code; runs after configuration binding. Optional.</param>
    /// <param name="configureTermination">Sets termination options in code; runs after configuration binding. Optional.</param>
    /// <returns>The termination builder, to replace parts of the engine or add triggers.</returns>
    public static FurikoTerminationBuilder AddFurikoKubernetes(
        this IServiceCollection services,
        Action<FurikoKubernetesOptions>? configure = null,
        Action<TerminationOptions>? configureTermination = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddFurikoTermination(configureTermination);
        if (!services.Any(descriptor => descriptor.ServiceType == typeof(FurikoKubernetesRegistration)))
        {
            services.AddSingleton<FurikoKubernetesRegistration>();
            services.AddOptions<FurikoKubernetesOptions>().ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<FurikoKubernetesOptions>, FurikoKubernetesOptionsConfiguration>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FurikoKubernetesOptions>, FurikoKubernetesOptionsValidator>());
            services.TryAddSingleton(TimeProvider.System);

            services.TryAddSingleton<IJobClient>(provider => new JobClient(Kubernetes(provider), Options(provider).Retry, Time(provider)));
            services.TryAddSingleton<IJobConfigClient>(provider => new JobConfigClient(Kubernetes(provider), Options(provider).Retry, Time(provider)));
            services.TryAddSingleton<IJobPodLookup>(provider => new JobPodLookup(Kubernetes(provider), Options(provider).Retry, Time(provider)));
            services.TryAddSingleton<ITaskDeletionStrategy>(provider =>
                new PodDeletionStrategy(Kubernetes(provider), Options(provider).PodDeletion, Options(provider).Retry, Time(provider)));
            services.TryAddSingleton<IJobStatusWriter>(provider => new JobStatusWriter(
                provider.GetRequiredService<IJobClient>(),
                provider.GetRequiredService<IJobPodLookup>(),
                provider.GetRequiredService<IClock>(),
                Options(provider).StatusWriter,
                provider.GetService<ILogger<JobStatusWriter>>()));
            services.TryAddSingleton<ITerminationStatusSink>(provider => provider.GetRequiredService<IJobStatusWriter>());
            services.TryAddSingleton<IJobEventRecorder>(provider => new JobEventRecorder(
                Kubernetes(provider),
                provider.GetRequiredService<IClock>(),
                Options(provider).Events,
                Options(provider).Retry,
                Time(provider),
                provider.GetService<ILogger<JobEventRecorder>>()));
            services.TryAddSingleton<IKillRequestService>(provider => new KillRequestService(
                provider.GetRequiredService<IJobClient>(), provider.GetRequiredService<IClock>(), Options(provider).KillRequests));
            services.TryAddSingleton<IJobReconciler>(provider => new JobReconciler(
                provider.GetRequiredService<IJobClient>(),
                provider.GetRequiredService<IJobPodLookup>(),
                provider.GetRequiredService<TerminationPlanner>(),
                provider.GetRequiredService<TerminationEngine>(),
                provider.GetRequiredService<IJobStatusWriter>(),
                provider.GetRequiredService<IJobEventRecorder>(),
                provider.GetRequiredService<IClock>(),
                provider.GetService<ILogger<JobReconciler>>(),
                provider.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        return builder;
    }

    private static IKubernetes Kubernetes(IServiceProvider provider) =>
        provider.GetService<IKubernetes>() ?? throw new InvalidOperationException(FurikoKubernetesRegistration.MissingKubernetesMessage);

    private static FurikoKubernetesOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<FurikoKubernetesOptions>>().Value;

    private static TimeProvider Time(IServiceProvider provider) => provider.GetRequiredService<TimeProvider>();
}
