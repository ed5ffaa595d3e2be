using Furiko.Sdk.Kubernetes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Furiko.Sdk.DependencyInjection;

/// <summary>
/// Binds <see cref="FurikoKubernetesOptions"/> from the section <c>Furiko:Kubernetes</c> of the application's
/// configuration when one is registered; without it the defaults stand. Stateless; thread-safe.
/// </summary>
internal sealed class FurikoKubernetesOptionsConfiguration : IConfigureOptions<FurikoKubernetesOptions>
{
    private readonly IConfiguration? _configuration;

    public FurikoKubernetesOptionsConfiguration(IConfiguration? configuration = null)
    {
        _configuration = configuration;
    }

    public void Configure(FurikoKubernetesOptions options) => _configuration?.GetSection(FurikoKubernetesOptions.SectionName).Bind(options);
}
