using Furiko.Sdk.DependencyInjection;
using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.Deletion;
using Furiko.Sdk.Termination.Execution;
using Furiko.Sdk.Termination.ForceDeletion;
using Furiko.Sdk.Termination.KillTimestamp;
using Furiko.Sdk.Termination.ParallelCompletion;
using Furiko.Sdk.Termination.PendingTimeout;
using Furiko.Sdk.Termination.Planning;
using Furiko.Sdk.Termination.Triggers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

// Extension methods for IServiceCollection live here so that they are found without an extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Furiko.Sdk's termination engine in a service collection.</summary>
public static class FurikoTerminationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the termination planner and engine with Furiko's default parts: the kill-timestamp evaluator,
    /// the parallel-completion and pending-timeout triggers, the timeout force-deletion policy, and NodaTime's
    /// system clock when no <see cref="IClock"/> is registered. Each default is added only when the service has no
    /// registration yet, so an application's earlier registration wins; replace parts later through the returned
    /// builder. <see cref="TerminationOptions"/> are bound from the configuration section <c>Furiko:Termination</c>
    /// (when an <c>IConfiguration</c> is registered), then <paramref name="configure"/> runs; they are validated when
    /// first used and when a host starts. Calling this again adds no registration twice (except another
    /// <paramref name="configure"/>). The Kubernetes adapters (<c>AddFurikoKubernetes</c>, which calls this) register the <c>ITaskDeletionStrategy</c> and the
    /// <c>ITerminationStatusSink</c> the engine needs; without them, use the builder to supply your own.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options in code; runs after configuration binding. Optional.</param>
    /// <returns>A builder to replace parts or add triggers.</returns>
    public static FurikoTerminationBuilder AddFurikoTermination(this IServiceCollection services, Action<TerminationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(descriptor => descriptor.ServiceType == typeof(FurikoTerminationMarker)))
        {
            services.AddSingleton<FurikoTerminationMarker>();
            services.AddOptions<TerminationOptions>().ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<TerminationOptions>, TerminationOptionsConfiguration>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TerminationOptions>, TerminationOptionsValidator>());

            services.TryAddSingleton<IKillTimestampEvaluator, KillTimestampEvaluator>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IJobTerminationTrigger, ParallelCompletionTrigger>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<ITaskTerminationTrigger, PendingTimeoutTrigger>());
            services.TryAddSingleton<IForceDeletionPolicy, ForceDeletionPolicy>();
            services.TryAddSingleton<TerminationPlanner>();
            // A factory, so that an application that only plans (dry runs, "explain") still builds with
            // ValidateOnBuild before the Kubernetes adapters or its own deletion strategy are registered.
            services.TryAddSingleton(CreateEngine);

            // The composition root is the one place allowed to pick the real clock; everything else takes an IClock.
#pragma warning disable RS0030 // Banned API: SystemClock.Instance is meant for exactly this registration.
            services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        return new FurikoTerminationBuilder(services);
    }

    private static TerminationEngine CreateEngine(IServiceProvider services) => new(
        services.GetRequiredService<TerminationPlanner>(),
        services.GetService<ITerminationStatusSink>() ?? throw Missing(nameof(ITerminationStatusSink), "UseStatusSink"),
        services.GetService<ITaskDeletionStrategy>() ?? throw Missing(nameof(ITaskDeletionStrategy), "UseTaskDeletionStrategy"),
        services.GetRequiredService<IClock>(),
        services.GetRequiredService<IOptions<TerminationOptions>>(),
        services.GetService<ILogger<TerminationEngine>>());

    private static InvalidOperationException Missing(string service, string builderMethod) => new(
        $"The termination engine needs an {service}, and none is registered: register the SDK's Kubernetes adapters (services.AddFurikoKubernetes()), " +
        $"or supply your own with AddFurikoTermination().{builderMethod}(...).");
}
