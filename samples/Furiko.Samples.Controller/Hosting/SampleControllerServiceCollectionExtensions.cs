using Furiko.Samples.Controller.Hosting;
using Furiko.Samples.Controller.Leadership;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// Found without an extra using, like the SDK's own registrations.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the sample controller in a host's services.</summary>
internal static class SampleControllerServiceCollectionExtensions
{
    /// <summary>The component name the controller's Events carry (<c>source.component</c>).</summary>
    public const string EventComponent = "furiko-sample-controller";

    /// <summary>
    /// Registers Furiko.Sdk's Kubernetes adapters (<c>AddFurikoKubernetes</c>, options from <c>Furiko:Kubernetes</c>
    /// and <c>Furiko:Termination</c>), the controller's options from <c>Controller</c> (validated at start-up), the
    /// replica's <see cref="LeaseTarget"/> (from the options and the environment) and the leader-elected hosted service.
    /// The application registers the <c>IKubernetes</c> (and may register an <c>IClock</c> and a
    /// <see cref="TimeProvider"/>; the system ones are used otherwise).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="environment">Reads environment variables (for the Lease namespace and identity); <see langword="null"/> for the process environment.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddFurikoSampleController(this IServiceCollection services, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddFurikoKubernetes(options => options.Events.Component = EventComponent);
        services.AddOptions<ControllerOptions>().BindConfiguration(ControllerOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ControllerOptions>, ControllerOptionsValidator>());
        services.TryAddSingleton(provider => LeaseTarget.Resolve(
            provider.GetRequiredService<IOptions<ControllerOptions>>().Value.LeaderElection, environment ?? Environment.GetEnvironmentVariable));
        services.TryAddSingleton<ControllerSessionFactory>();
        services.TryAddSingleton<LeaderElectedController>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, LeaderElectedController>(provider => provider.GetRequiredService<LeaderElectedController>()));
        return services;
    }
}
