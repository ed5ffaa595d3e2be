using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.Deletion;
using Furiko.Sdk.Termination.Execution;
using Furiko.Sdk.Testing.Deletion;
using k8s;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace Furiko.Sdk.Tests.Kubernetes;

/// <summary><c>AddFurikoKubernetes</c>: defaults, the application's own registrations, idempotency, validation at start-up.</summary>
public class FurikoKubernetesRegistrationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void It_includes_the_termination_engine_so_one_call_is_enough()
    {
        var services = new ServiceCollection();
        services.AddSingleton(Substitute.For<IKubernetes>());
        services.AddFurikoKubernetes();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        Assert.NotNull(provider.GetRequiredService<TerminationEngine>());
        Assert.IsType<PodDeletionStrategy>(provider.GetRequiredService<ITaskDeletionStrategy>());
        Assert.Same(provider.GetRequiredService<IJobStatusWriter>(), provider.GetRequiredService<ITerminationStatusSink>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void Calling_it_twice_adds_nothing_twice_and_combines_with_AddFurikoTermination()
    {
        var services = new ServiceCollection();
        services.AddFurikoKubernetes();
        var count = services.Count;

        services.AddFurikoKubernetes();
        services.AddFurikoTermination();

        Assert.Equal(count, services.Count);
        using var provider = services.BuildServiceProvider();
        Assert.Single(provider.GetServices<IValidateOptions<FurikoKubernetesOptions>>());
    }

    [Fact]
    public void A_part_the_application_registered_first_wins_and_a_builder_replacement_after_wins_too()
    {
        var before = new FakeTaskDeletionStrategy();
        var services = new ServiceCollection();
        services.AddSingleton(Substitute.For<IKubernetes>());
        services.AddSingleton<ITaskDeletionStrategy>(before);
        services.AddSingleton(Substitute.For<IJobEventRecorder>());
        var builder = services.AddFurikoKubernetes();
        using (var provider = services.BuildServiceProvider())
        {
            Assert.Same(before, provider.GetRequiredService<ITaskDeletionStrategy>());
            Assert.IsNotType<JobEventRecorder>(provider.GetRequiredService<IJobEventRecorder>());
        }

        var after = new FakeTaskDeletionStrategy();
        builder.UseTaskDeletionStrategy(after);
        using var replaced = services.BuildServiceProvider();
        Assert.Same(after, replaced.GetRequiredService<ITaskDeletionStrategy>());
    }

    [Fact]
    public void Without_an_IKubernetes_resolving_an_adapter_says_what_to_register()
    {
        var services = new ServiceCollection();
        services.AddFurikoKubernetes();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IJobReconciler>());

        Assert.Contains("need an IKubernetes, and none is registered", error.Message, StringComparison.Ordinal);
        Assert.Contains("services.AddSingleton<IKubernetes>(new Kubernetes(KubernetesClientConfiguration.BuildDefaultConfig()))", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_IKubernetes_the_host_does_not_start()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddFurikoKubernetes();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Token));

        Assert.Contains("need an IKubernetes, and none is registered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_configuration_stops_the_host_naming_every_setting()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Furiko:Kubernetes:Retry:MaxAttempts"] = "0",
            ["Furiko:Kubernetes:StatusWriter:MaxAttempts"] = "1000",
            ["Furiko:Termination:ForceDeleteTaskTimeoutSeconds"] = "-1",
        });
        builder.Services.AddSingleton(Substitute.For<IKubernetes>());
        builder.Services.AddFurikoKubernetes();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<AggregateException>(() => host.StartAsync(Token));

        var messages = string.Join("\n", error.InnerExceptions.Select(e => e.Message));
        Assert.Contains("Furiko:Kubernetes:Retry:MaxAttempts is 0", messages, StringComparison.Ordinal);
        Assert.Contains("Furiko:Kubernetes:StatusWriter:MaxAttempts is 1000", messages, StringComparison.Ordinal);
        Assert.Contains("Furiko:Termination:ForceDeleteTaskTimeoutSeconds is -1", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configuration_is_bound_and_code_runs_after_it()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Furiko:Kubernetes:PodDeletion:GracePeriodSeconds"] = "5",
            ["Furiko:Kubernetes:Events:Component"] = "from-config",
            ["Furiko:Kubernetes:Retry:BaseDelay"] = "00:00:00.050",
        });
        builder.Services.AddSingleton(Substitute.For<IKubernetes>());
        builder.Services.AddFurikoKubernetes(options => options.Events.Component = "from-code", termination => termination.ForceDeleteTaskTimeoutSeconds = 60);
        using var host = builder.Build();
        await host.StartAsync(Token);

        var options = host.Services.GetRequiredService<IOptions<FurikoKubernetesOptions>>().Value;
        Assert.Equal(5, options.PodDeletion.GracePeriodSeconds);
        Assert.Equal("from-code", options.Events.Component);
        Assert.Equal(TimeSpan.FromMilliseconds(50), options.Retry.BaseDelay);
        Assert.Equal(60, host.Services.GetRequiredService<IOptions<TerminationOptions>>().Value.ForceDeleteTaskTimeoutSeconds);
        await host.StopAsync(Token);
    }
}
