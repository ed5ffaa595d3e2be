using Furiko.Sdk.Termination;
using Furiko.Sdk.Testing.Deletion;
using Furiko.Sdk.Testing.Execution;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Furiko.Sdk.Tests.DependencyInjection;

/// <summary>Options are validated when a host starts (ValidateOnStart), not only when first used.</summary>
public class FurikoTerminationHostStartTests
{
    [Theory]
    [InlineData("ForceDeleteTaskTimeoutSeconds", "-1", "Furiko:Termination:ForceDeleteTaskTimeoutSeconds is -1, but must be between 0 (which disables force deletion) and 3153600000 seconds.")]
    [InlineData("DefaultPendingTimeoutSeconds", "-5", "Furiko:Termination:DefaultPendingTimeoutSeconds is -5, but must be between 0 (which disables the default pending timeout) and 3153600000 seconds.")]
    [InlineData("MaxConcurrentDeletes", "0", "Furiko:Termination:MaxConcurrentDeletes is 0, but must be between 1 and 2147483647.")]
    public async Task Starting_a_host_with_invalid_configuration_fails_naming_the_setting_and_range(string setting, string value, string expected)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Furiko:Termination:" + setting] = value });
        builder.Services.AddFurikoTermination()
            .UseTaskDeletionStrategy(new FakeTaskDeletionStrategy())
            .UseStatusSink(new InMemoryTerminationStatusSink());
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_with_valid_configuration_starts_with_the_configured_values()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Furiko:Termination:ForceDeleteTaskTimeoutSeconds"] = "0" });
        builder.Services.AddFurikoTermination();
        using var host = builder.Build();

        await host.StartAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, host.Services.GetRequiredService<IOptions<TerminationOptions>>().Value.ForceDeleteTaskTimeoutSeconds);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }
}
