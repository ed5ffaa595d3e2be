using Furiko.Sdk.KillRequests;
using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Models;
using Furiko.Sdk.Termination.Deletion;
using Furiko.Sdk.Termination.Execution;
using Furiko.Sdk.Testing.Deletion;
using Furiko.Sdk.Testing.Emulator;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace Furiko.Sdk.Testing.Tests.Integration;

/// <summary><c>AddFurikoKubernetes</c> over an <see cref="IKubernetes"/> that talks to the emulator.</summary>
public sealed class DependencyInjectionTests
{
    private static ServiceProvider Build(KubernetesEmulator emulator, FakeClock clock, Action<IServiceCollection>? before = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IKubernetes>(_ => emulator.CreateClient());
        before?.Invoke(services);
        services.AddFurikoKubernetes(
                options => options.Retry = Cluster.FastRetry(),
                termination => termination.ForceDeleteTaskTimeoutSeconds = 60)
            .UseClock(clock);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public async Task The_container_builds_a_reconciler_that_kills_a_Job_through_the_registered_IKubernetes()
    {
        var clock = new FakeClock(Cluster.T0);
        var emulator = new KubernetesEmulator(clock);
        await using var provider = Build(emulator, clock);
        provider.GetRequiredService<IStartupValidator>().Validate();
        var job = emulator.AddJob(new Job
        {
            Metadata = new() { Name = "wired", NamespaceProperty = "jobs" },
            Spec = new JobSpec { Template = new JobTemplate() },
            Status = new JobStatus { StartTime = Cluster.T0 },
        });
        emulator.AddRunningPod(new k8s.Models.V1Pod
        {
            Metadata = new()
            {
                Name = "wired-gezdqo-0",
                NamespaceProperty = "jobs",
                Labels = new Dictionary<string, string> { [FurikoLabels.JobUid] = job.Metadata.Uid },
                OwnerReferences = [new() { ApiVersion = FurikoApi.GroupVersion, Kind = "Job", Name = "wired", Uid = job.Metadata.Uid, Controller = true }],
            },
            Spec = new() { NodeName = "node-a" },
        });

        await provider.GetRequiredService<IKillRequestService>().RequestKillAsync("jobs", "wired", KillRequest.Now, Cluster.Token);
        var reconciler = provider.GetRequiredService<IJobReconciler>();
        var first = await reconciler.ReconcileAsync("jobs", "wired", Cluster.Token);
        clock.AdvanceSeconds(2);
        var second = await reconciler.ReconcileAsync("jobs", "wired", Cluster.Token);

        Assert.Equal(TaskDeletionOutcomeKind.Deleted, Assert.Single(first.Deletions).Outcome.Kind);
        Assert.Equal(JobPhase.Killing, first.Phase);
        Assert.Equal(JobPhase.Killed, second.Phase);
        Assert.Equal(JobPhase.Killed, (await provider.GetRequiredService<IJobClient>().GetAsync("jobs", "wired", Cluster.Token)).Status!.Phase);
    }

    [Fact]
    public void Every_part_resolves_to_the_SDK_s_adapter_and_the_status_writer_is_the_engine_s_sink()
    {
        var clock = new FakeClock(Cluster.T0);
        using var provider = Build(new KubernetesEmulator(clock), clock);

        Assert.IsType<JobClient>(provider.GetRequiredService<IJobClient>());
        Assert.IsType<JobConfigClient>(provider.GetRequiredService<IJobConfigClient>());
        Assert.IsType<JobPodLookup>(provider.GetRequiredService<IJobPodLookup>());
        Assert.IsType<PodDeletionStrategy>(provider.GetRequiredService<ITaskDeletionStrategy>());
        Assert.IsType<JobEventRecorder>(provider.GetRequiredService<IJobEventRecorder>());
        Assert.IsType<KillRequestService>(provider.GetRequiredService<IKillRequestService>());
        Assert.IsType<JobReconciler>(provider.GetRequiredService<IJobReconciler>());
        var writer = Assert.IsType<JobStatusWriter>(provider.GetRequiredService<IJobStatusWriter>());
        Assert.Same(writer, provider.GetRequiredService<ITerminationStatusSink>());
        Assert.Same(clock, provider.GetRequiredService<IClock>());
        Assert.NotNull(provider.GetRequiredService<TerminationEngine>());
    }

    [Fact]
    public async Task A_deletion_strategy_the_application_registered_first_is_the_one_the_reconciler_uses()
    {
        var clock = new FakeClock(Cluster.T0);
        var emulator = new KubernetesEmulator(clock);
        var fake = new FakeTaskDeletionStrategy();
        await using var provider = Build(emulator, clock, services => services.AddSingleton<ITaskDeletionStrategy>(fake));
        var job = emulator.AddJob(new Job
        {
            Metadata = new() { Name = "faked", NamespaceProperty = "jobs" },
            Spec = new JobSpec { KillTimestamp = Cluster.T0, Template = new JobTemplate() },
            Status = new JobStatus { StartTime = Cluster.T0 },
        });
        emulator.AddRunningPod(new k8s.Models.V1Pod
        {
            Metadata = new()
            {
                Name = "faked-gezdqo-0",
                NamespaceProperty = "jobs",
                Labels = new Dictionary<string, string> { [FurikoLabels.JobUid] = job.Metadata.Uid },
                OwnerReferences = [new() { ApiVersion = FurikoApi.GroupVersion, Kind = "Job", Name = "faked", Uid = job.Metadata.Uid, Controller = true }],
            },
            Spec = new() { NodeName = "node-a" },
        });

        await provider.GetRequiredService<IJobReconciler>().ReconcileAsync("jobs", "faked", Cluster.Token);

        Assert.Same(fake, provider.GetRequiredService<ITaskDeletionStrategy>());
        Assert.Equal("faked-gezdqo-0", Assert.Single(fake.Requests).PodName);
        Assert.Equal(0, emulator.CountRequests(KubernetesVerb.Delete, "pods"));
    }
}
