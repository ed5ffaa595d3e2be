using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.Deletion;
using Furiko.Sdk.Termination.Execution;
using Furiko.Sdk.Termination.ForceDeletion;
using Furiko.Sdk.Testing.Deletion;
using Furiko.Sdk.Testing.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using NSubstitute;
using static Furiko.Samples.KillLogicTests.SampleJobs;

namespace Furiko.Samples.KillLogicTests;

/// <summary>
/// Replacing the force-deletion policy with your own, and testing it: NSubstitute stands in for your node cache,
/// FakeClock crosses the 900 s timeout, and the SDK's fakes record what the engine would send.
/// </summary>
public class NotReadyNodesForceDeletionPolicyTests
{
    private readonly FakeClock _clock = new(Start);
    private readonly INodeReadiness _nodes = Substitute.For<INodeReadiness>();

    private NotReadyNodesForceDeletionPolicy Policy() =>
        new(new ForceDeletionPolicy(Options.Create(new TerminationOptions())), _nodes);

    [Fact]
    public void A_stuck_task_on_a_NotReady_node_is_forced_once_the_timeout_has_passed()
    {
        _nodes.IsNotReady("node-down").Returns(true);
        var task = RunningTask("nightly-report-gezdqo-0", "node-down", Start).Terminating(Start);

        _clock.AdvanceSeconds(899);
        Assert.Equal(ForceDeletionVerdict.NotYet, Policy().Evaluate(Job(task), task, _clock.GetCurrentInstant()).Verdict);
        _clock.AdvanceSeconds(1);
        Assert.Equal(ForceDeletionVerdict.ForceNow, Policy().Evaluate(Job(task), task, _clock.GetCurrentInstant()).Verdict);
    }

    [Fact]
    public void A_stuck_task_on_a_Ready_node_is_never_forced_and_no_timer_is_set()
    {
        _nodes.IsNotReady("node-up").Returns(false);
        var task = RunningTask("nightly-report-gezdqo-0", "node-up", Start).Terminating(Start);
        _clock.AdvanceHours(5);

        var decision = Policy().Evaluate(Job(task), task, _clock.GetCurrentInstant());

        Assert.Equal(ForceDeletionDecision.NotYet(null), decision);
    }

    [Fact]
    public void The_Job_s_forbidTaskForceDeletion_still_applies_and_the_node_is_not_even_asked()
    {
        var task = RunningTask("nightly-report-gezdqo-0", "node-down", Start).Terminating(Start);
        var job = Job(task);
        job.Spec.Template!.ForbidTaskForceDeletion = true;
        _clock.AdvanceHours(5);

        Assert.Equal(ForceDeletionVerdict.Forbidden, Policy().Evaluate(job, task, _clock.GetCurrentInstant()).Verdict);
        _nodes.DidNotReceiveWithAnyArgs().IsNotReady(default!);
    }

    [Fact]
    public async Task Wired_in_through_DI_the_engine_forces_only_the_task_on_the_NotReady_node()
    {
        _nodes.IsNotReady("node-down").Returns(true);
        var deletions = new FakeTaskDeletionStrategy();
        var sink = new InMemoryTerminationStatusSink();

        // The three lines a controller writes (plus the test doubles):
        var services = new ServiceCollection();
        services.AddSingleton(_nodes);
        services.AddFurikoTermination()
            .UseForceDeletionPolicy(provider => new NotReadyNodesForceDeletionPolicy(
                new ForceDeletionPolicy(provider.GetRequiredService<IOptions<TerminationOptions>>()),
                provider.GetRequiredService<INodeReadiness>()))
            .UseTaskDeletionStrategy(deletions)
            .UseStatusSink(sink)
            .UseClock(_clock);
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<TerminationEngine>();

        var onDeadNode = RunningTask("nightly-report-gezdqo-0", "node-down", Start).Terminating(Start);
        var onLiveNode = RunningTask("nightly-report-gi3dgn-0", "node-up", Start).Terminating(Start);
        var job = Job(onDeadNode, onLiveNode);
        _clock.AdvanceMinutes(15);

        var result = await engine.ExecuteAsync(job, [onDeadNode, onLiveNode], TestContext.Current.CancellationToken);

        var request = Assert.Single(deletions.Requests);
        Assert.Equal(("nightly-report-gezdqo-0", TaskDeletionMode.Force), (request.PodName, request.Mode));
        Assert.Equal("ForceDeleted", job.Status!.Tasks![0].DeletedStatus!.Reason);
        Assert.Null(job.Status.Tasks[1].DeletedStatus);
        Assert.Equal(TerminationRule.ForceDeletionTimeout, Assert.Single(result.Plan.Decisions).Cause.Rule);
    }
}
