using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// Validates <see cref="FurikoKubernetesOptions"/> when they are first used and when a host starts: every setting
/// out of range is reported at once, by its configuration path. Built by the container, it also reports a missing
/// <see cref="IKubernetes"/> registration, so an application learns at start-up rather than on the first
/// reconcile that the adapters have nothing to talk through. Stateless; thread-safe.
/// </summary>
public sealed class FurikoKubernetesOptionsValidator : IValidateOptions<FurikoKubernetesOptions>
{
    private readonly IServiceProviderIsService? _services;

    /// <summary>Creates a validator that checks the settings only.</summary>
    public FurikoKubernetesOptionsValidator()
    {
    }

    /// <summary>Creates a validator that also checks that an <see cref="IKubernetes"/> is registered.</summary>
    /// <param name="services">Tells which services the container can build.</param>
    public FurikoKubernetesOptionsValidator(IServiceProviderIsService services)
    {
        _services = services;
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, FurikoKubernetesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>(options.Validate());
        if (_services is not null && !_services.IsService(typeof(IKubernetes)))
        {
            problems.Add(FurikoKubernetesRegistration.MissingKubernetesMessage);
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
