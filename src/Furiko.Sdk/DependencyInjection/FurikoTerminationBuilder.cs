using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.Deletion;
using Furiko.Sdk.Termination.Execution;
using Furiko.Sdk.Termination.ForceDeletion;
using Furiko.Sdk.Termination.KillTimestamp;
using Furiko.Sdk.Termination.Triggers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Furiko.Sdk.DependencyInjection;

/// <summary>
/// Returned by <c>AddFurikoTermination</c>: replaces one part of the termination engine (<c>Use...</c>, which
/// removes every earlier registration of that part) or adds an automatic trigger (<c>Add...</c>). Every part is a
/// singleton and must be thread-safe. Not thread-safe itself, like the service collection it writes to.
/// </summary>
public sealed class FurikoTerminationBuilder
{
    internal FurikoTerminationBuilder(IServiceCollection services)
    {
        Services = services;
    }

    /// <summary>The service collection the builder writes to.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Sets options in code, after configuration binding and earlier <c>Configure</c> calls.</summary>
    /// <param name="configure">Sets the options.</param>
    /// <returns>This builder.</returns>
    public FurikoTerminationBuilder Configure(Action<TerminationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }

    /// <summary>Replaces the kill-timestamp evaluator.</summary>
    /// <typeparam name="T">The evaluator, built by the container.</typeparam>
    /// <returns>This builder.</returns>
    public FurikoTerminationBuilder UseKillTimestampEvaluator<T>()
        where T : class, IKillTimestampEvaluator => Use(ServiceDescriptor.Singleton<IKillTimestampEvaluator, T>());

    /// <summary>Replaces the kill-timestamp evaluator with a given instance.</summary>
    /// <param name="evaluator">The evaluator.</param>
    /// <returns>This builder.</returns>
    public FurikoTerminationBuilder UseKillTimestampEvaluator(IKillTimestampEvaluator evaluator) =>
        Use(ServiceDescriptor.Singleton(evaluator ?? throw new ArgumentNullException(nameof(evaluator))));

    /// <summary>Replaces the force-deletion policy.</summary>
    /// <typeparam name="T">The policy, built by the container.</typeparam>
    /// <returns>This builder.</returns>
    public FurikoTerminationBuilder UseForceDeletionPolicy<T>()
        where T : class, IForceDeletionPolicy => Use(ServiceDescriptor.Singleton<IForceDeletionPolicy, T>());

    /// <summary>Replaces the force-deletion policy with one built by a factory, for example one that wraps <see cref="ForceDeletionPolicy"/>.</summary>
    /// <param name="factory">Builds the policy once.</param>
    /// <returns>This builder.</returns>
    public FurikoTerminationBuilder UseForceDeletionPolicy(Func<IServiceProvider, IForceDeletionPolicy> factory) =>
        Use(ServiceDescriptor.Singleton(factory ?? throw new ArgumentNullException(nameof(factory))));

    /// <summary>Replaces the force-deletion policy with a given instance.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>This builder.</returns>
    public FurikoTerminationBuilder UseForceDeletionPolicy(IForceDeletionPolicy policy) =>
        Use(ServiceDescriptor.Singleton(policy ?? throw new ArgumentNullException(nameof(policy))));

    /// <summary>Replaces the task deletion strategy.</summary>
    /// <typeparam name="T">The strategy, built by the container.</typeparam>
    /// <returns>This builder.</returns>
    public FurikoTerminationBuilder UseTaskDeletionStrategy<T>()
        where T : class, ITaskDeletionStrategy => Use(ServiceDescriptor.Singleton<ITaskDeletionStrategy, T>());

    /// <summary>Replaces the task deletion strategy with a given instance (for example a fake in tests).</summary>
    /// <param name="strategy">The strategy.</param>
    /// <returns>This builder.</returns>
    public FurikoTerminationBuilder UseTaskDeletionStrategy(ITaskDeletionStrategy strategy) =>
        Use(ServiceDescriptor.Singleton(strategy ?? throw new ArgumentNullException(nameof(strategy))));

    /// <summary>Replaces the status sink that records tombstones.</summary>
    /// <typeparam name="T">The sink, built by the container.</typeparam>
    /// <returns>This builder.</returns>
    public FurikoTerminationBuilder UseStatusSink<T>()
        where T : class, ITerminationStatusSink => Use(ServiceDescriptor.Singleton<ITerminationStatusSink, T>());

    /// <summary>Replaces the status sink with a given instance (for example an in-memory one in tests).</summary>
    /// <param name="sink">The sink.</param>
    /// <returns>This builder.</returns>
    public FurikoTerminationBuilder UseStatusSink(ITerminationStatusSink sink) =>
        Use(ServiceDescriptor.Singleton(sink ?? throw new ArgumentNullException(nameof(sink))));

    /// <summary>Replaces the clock the engine reads "now" from (for example a <c>FakeClock</c> in tests).</summary>
    /// <param name="clock">The clock.</param>
    /// <returns>This builder.</returns>
    public FurikoTerminationBuilder UseClock(IClock clock) =>
        Use(ServiceDescriptor.Singleton(clock ?? throw new ArgumentNullException(nameof(clock))));

    /// <summary>Adds a Job-level trigger, asked after those registered before it. Adding the same type twice adds it once.</summary>
    /// <typeparam name="T">The trigger, built by the container.</typeparam>
    /// <returns>This builder.</returns>
    public FurikoTerminationBuilder AddJobTrigger<T>()
        where T : class, IJobTerminationTrigger
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IJobTerminationTrigger, T>());
        return this;
    }

    /// <summary>Adds a given Job-level trigger instance, asked after those registered before it.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns>This builder.</returns>
    public FurikoTerminationBuilder AddJobTrigger(IJobTerminationTrigger trigger)
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton(trigger ?? throw new ArgumentNullException(nameof(trigger))));
        return this;
    }

    /// <summary>Adds a task-level trigger, asked after those registered before it. Adding the same type twice adds it once.</summary>
    /// <typeparam name="T">The trigger, built by the container.</typeparam>
    /// <returns>This builder.</returns>
    public FurikoTerminationBuilder AddTaskTrigger<T>()
        where T : class, ITaskTerminationTrigger
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<ITaskTerminationTrigger, T>());
        return this;
    }

    /// <summary>Adds a given task-level trigger instance, asked after those registered before it.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns>This builder.</returns>
    public FurikoTerminationBuilder AddTaskTrigger(ITaskTerminationTrigger trigger)
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton(trigger ?? throw new ArgumentNullException(nameof(trigger))));
        return this;
    }

    /// <summary>Removes every trigger of a type, for example the default <c>ParallelCompletionTrigger</c> or <c>PendingTimeoutTrigger</c>.</summary>
    /// <typeparam name="T">The trigger type to remove.</typeparam>
    /// <returns>This builder.</returns>
    public FurikoTerminationBuilder RemoveTrigger<T>()
        where T : class
    {
        for (var i = Services.Count - 1; i >= 0; i--)
        {
            var descriptor = Services[i];
            if ((descriptor.ServiceType == typeof(IJobTerminationTrigger) || descriptor.ServiceType == typeof(ITaskTerminationTrigger))
                && !descriptor.IsKeyedService
                && (descriptor.ImplementationType == typeof(T) || descriptor.ImplementationInstance?.GetType() == typeof(T)))
            {
                Services.RemoveAt(i);
            }
        }

        return this;
    }

    private FurikoTerminationBuilder Use(ServiceDescriptor descriptor)
    {
        // Replace every earlier registration, not only the first, so exactly one remains.
        Services.RemoveAll(descriptor.ServiceType);
        Services.Add(descriptor);
        return this;
    }
}
