using Furiko.Sdk.Termination;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Furiko.Sdk.DependencyInjection;

/// <summary>
/// Binds <see cref="TerminationOptions"/> from the section <c>Furiko:Termination</c> of the application's
/// configuration when one is registered (a host always has one); without it the defaults stand, so a plain
/// service collection needs no configuration. Stateless; thread-safe.
/// </summary>
internal sealed class TerminationOptionsConfiguration : IConfigureOptions<TerminationOptions>
{
    private readonly IConfiguration? _configuration;

    public TerminationOptionsConfiguration(IConfiguration? configuration = null)
    {
        _configuration = configuration;
    }

    public void Configure(TerminationOptions options) => _configuration?.GetSection(TerminationOptions.SectionName).Bind(options);
}
