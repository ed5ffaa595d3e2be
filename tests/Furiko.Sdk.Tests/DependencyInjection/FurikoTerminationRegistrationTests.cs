using Furiko.Sdk.DependencyInjection;
using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.Deletion;
using Furiko.Sdk.Termination.Execution;
using Furiko.Sdk.Termination.ForceDeletion;
using Furiko.Sdk.Termination.KillTimestamp;
using Furiko.Sdk.Termination.ParallelCompletion;
using Furiko.Sdk.Termination.PendingTimeout;
using Furiko.Sdk.Termination.Planning;
using Furiko.Sdk.Termination.Triggers;
using Furiko.Sdk.Testing.Deletion;
using Furiko.Sdk.Testing.Execution;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using NSubstitute;

namespace Furiko.Sdk.Tests.DependencyInjection;

public class FurikoTerminationRegistrationTests
{
    private static ServiceProvider Build(Action<FurikoTerminationBuilder>? change = null, Action<IServiceCollection>? before = null)
    {
        var services = new ServiceCollection();
        before?.Invoke(services);
        var builder = services.AddFurikoTermination()
            .UseTaskDeletionStrategy(new FakeTaskDeletionStrategy())
            .UseStatusSink(new InMemoryTerminationStatusSink());
        change?.Invoke(builder);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void Defaults_are_Furiko_s_parts_and_the_system_clock()
    {
        using var provider = Build();

        Assert.IsType<KillTimestampEvaluator>(provider.GetRequiredService<IKillTimestampEvaluator>());
        Assert.IsType<ForceDeletionPolicy>(provider.GetRequiredService<IForceDeletionPolicy>());
        Assert.IsType<ParallelCompletionTrigger>(Assert.Single(provider.GetServices<IJobTerminationTrigger>()));
        Assert.IsType<PendingTimeoutTrigger>(Assert.Single(provider.GetServices<ITaskTerminationTrigger>()));
        Assert.Same(SystemClock.Instance, provider.GetRequiredService<IClock>());
        Assert.NotNull(provider.GetRequiredService<TerminationPlanner>());
        Assert.NotNull(provider.GetRequiredService<TerminationEngine>());
        Assert.Equal(900, provider.GetRequiredService<IOptions<TerminationOptions>>().Value.ForceDeleteTaskTimeoutSeconds);
    }

    [Fact]
    public void Without_a_deletion_strategy_the_container_still_builds_and_the_engine_says_what_is_missing()
    {
        var services = new ServiceCollection();
        services.AddFurikoTermination().UseStatusSink(new InMemoryTerminationStatusSink());
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        Assert.NotNull(provider.GetRequiredService<TerminationPlanner>());
        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<TerminationEngine>());
        Assert.Contains("ITaskDeletionStrategy", error.Message, StringComparison.Ordinal);
        Assert.Contains("UseTaskDeletionStrategy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calling_the_registration_twice_adds_nothing_twice()
    {
        var services = new ServiceCollection();
        services.AddFurikoTermination();
        var count = services.Count;

        services.AddFurikoTermination();

        Assert.Equal(count, services.Count);
        using var provider = services.BuildServiceProvider();
        Assert.Single(provider.GetServices<ITaskTerminationTrigger>());
        Assert.Single(provider.GetServices<IValidateOptions<TerminationOptions>>());
    }

    [Fact]
    public void An_earlier_registration_of_each_part_wins()
    {
        var evaluator = Substitute.For<IKillTimestampEvaluator>();
        var policy = Substitute.For<IForceDeletionPolicy>();
        var clock = new FakeClock(Instant.FromUtc(2021, 2, 9, 4, 0));
        using var provider = Build(before: services =>
        {
            services.AddSingleton(evaluator);
            services.AddSingleton(policy);
            services.AddSingleton<IClock>(clock);
        });

        Assert.Same(evaluator, provider.GetRequiredService<IKillTimestampEvaluator>());
        Assert.Same(policy, provider.GetRequiredService<IForceDeletionPolicy>());
        Assert.Same(clock, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void The_builder_replaces_each_part_and_leaves_one_registration()
    {
        var evaluator = Substitute.For<IKillTimestampEvaluator>();
        var policy = Substitute.For<IForceDeletionPolicy>();
        var deletions = new FakeTaskDeletionStrategy();
        var sink = new InMemoryTerminationStatusSink();
        var clock = new FakeClock(Instant.FromUtc(2021, 2, 9, 4, 0));
        var services = new ServiceCollection();
        services.AddFurikoTermination()
            .UseKillTimestampEvaluator(evaluator)
            .UseForceDeletionPolicy(policy)
            .UseTaskDeletionStrategy(deletions)
            .UseStatusSink(sink)
            .UseClock(clock);

        Assert.Single(services, descriptor => descriptor.ServiceType == typeof(IForceDeletionPolicy));
        using var provider = services.BuildServiceProvider();
        Assert.Same(evaluator, provider.GetRequiredService<IKillTimestampEvaluator>());
        Assert.Same(policy, provider.GetRequiredService<IForceDeletionPolicy>());
        Assert.Same(deletions, provider.GetRequiredService<ITaskDeletionStrategy>());
        Assert.Same(sink, provider.GetRequiredService<ITerminationStatusSink>());
        Assert.Same(clock, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void The_builder_replaces_parts_by_type_and_by_factory()
    {
        using var provider = Build(builder => builder
            .UseKillTimestampEvaluator<NeverKill>()
            .UseForceDeletionPolicy(services => new NeverForce(services.GetRequiredService<IClock>()))
            .UseTaskDeletionStrategy<FakeTaskDeletionStrategy>()
            .UseStatusSink<InMemoryTerminationStatusSink>());

        Assert.IsType<NeverKill>(provider.GetRequiredService<IKillTimestampEvaluator>());
        Assert.IsType<NeverForce>(provider.GetRequiredService<IForceDeletionPolicy>());
        Assert.IsType<FakeTaskDeletionStrategy>(provider.GetRequiredService<ITaskDeletionStrategy>());
        Assert.IsType<InMemoryTerminationStatusSink>(provider.GetRequiredService<ITerminationStatusSink>());
    }

    [Fact]
    public void A_replaced_part_is_the_one_the_planner_uses()
    {
        using var provider = Build(builder => builder.UseKillTimestampEvaluator<NeverKill>());
        var job = new Job { Spec = new JobSpec { KillTimestamp = Instant.FromUtc(2000, 1, 1, 0, 0) } };
        var task = new ObservedTask { Name = "t", Uid = "u", CreationTimestamp = Instant.FromUtc(2021, 1, 1, 0, 0), RunningTimestamp = Instant.FromUtc(2021, 1, 1, 0, 0), Status = new TaskRefStatus() };

        var plan = provider.GetRequiredService<TerminationPlanner>().Plan(job, [task], Instant.FromUtc(2021, 1, 2, 0, 0));

        Assert.False(plan.HasDecisions);
    }

    [Fact]
    public void Triggers_are_added_in_order_once_each_and_can_be_removed()
    {
        using var provider = Build(builder => builder
            .AddTaskTrigger<MaxRunTrigger>()
            .AddTaskTrigger<MaxRunTrigger>()
            .AddJobTrigger(Substitute.For<IJobTerminationTrigger>())
            .RemoveTrigger<PendingTimeoutTrigger>());

        Assert.IsType<MaxRunTrigger>(Assert.Single(provider.GetServices<ITaskTerminationTrigger>()));
        Assert.Equal(2, provider.GetServices<IJobTerminationTrigger>().Count());
    }

    [Fact]
    public void A_trigger_registered_before_the_defaults_is_kept_and_asked_first()
    {
        using var provider = Build(before: services => services.AddSingleton<ITaskTerminationTrigger, MaxRunTrigger>());

        Assert.Equal([typeof(MaxRunTrigger), typeof(PendingTimeoutTrigger)], provider.GetServices<ITaskTerminationTrigger>().Select(trigger => trigger.GetType()));
    }

    [Fact]
    public void Options_bind_from_configuration_then_code()
    {
        using var provider = Build(
            builder => builder.Configure(options => options.MaxConcurrentDeletes = 2),
            services => services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Furiko:Termination:ForceDeleteTaskTimeoutSeconds"] = "60",
                ["Furiko:Termination:DefaultPendingTimeoutSeconds"] = "0",
                ["Furiko:Termination:MaxConcurrentDeletes"] = "20",
            }).Build()));

        var options = provider.GetRequiredService<IOptions<TerminationOptions>>().Value;

        Assert.Equal((60L, 0L, 2), (options.ForceDeleteTaskTimeoutSeconds, options.DefaultPendingTimeoutSeconds, options.MaxConcurrentDeletes));
    }

    [Theory]
    [InlineData("ForceDeleteTaskTimeoutSeconds", -1, "Furiko:Termination:ForceDeleteTaskTimeoutSeconds is -1, but must be between 0")]
    [InlineData("DefaultPendingTimeoutSeconds", -900, "Furiko:Termination:DefaultPendingTimeoutSeconds is -900, but must be between 0")]
    [InlineData("MaxConcurrentDeletes", 0, "Furiko:Termination:MaxConcurrentDeletes is 0, but must be between 1 and")]
    public void Invalid_options_throw_when_resolved_naming_the_setting_and_range(string setting, int value, string expected)
    {
        using var provider = Build(builder => builder.Configure(options => Set(options, setting, value)));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TerminationOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<TerminationEngine>());
    }

    internal static void Set(TerminationOptions options, string setting, int value)
    {
        switch (setting)
        {
            case nameof(TerminationOptions.ForceDeleteTaskTimeoutSeconds): options.ForceDeleteTaskTimeoutSeconds = value; break;
            case nameof(TerminationOptions.DefaultPendingTimeoutSeconds): options.DefaultPendingTimeoutSeconds = value; break;
            default: options.MaxConcurrentDeletes = value; break;
        }
    }

    private sealed class NeverKill : IKillTimestampEvaluator
    {
        public KillTimestampDecision Evaluate(Job job, Instant now) => KillTimestampDecision.NotRequested;
    }

    private sealed class NeverForce(IClock clock) : IForceDeletionPolicy
    {
        public IClock Clock { get; } = clock;

        public ForceDeletionDecision Evaluate(Job job, ObservedTask task, Instant now) => ForceDeletionDecision.Forbidden;
    }

    private sealed class MaxRunTrigger : ITaskTerminationTrigger
    {
        public TerminationRule Rule => new("MaxRun");

        public TaskTriggerDecision Evaluate(Job job, ObservedTask task, Instant now) => TaskTriggerDecision.NotDue;
    }
}
