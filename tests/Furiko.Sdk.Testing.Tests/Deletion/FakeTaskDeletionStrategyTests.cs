using Furiko.Sdk.Termination.Deletion;
using Furiko.Sdk.Testing.Deletion;

namespace Furiko.Sdk.Testing.Tests.Deletion;

public class FakeTaskDeletionStrategyTests
{
    private static TaskDeletionRequest Request(string pod, TaskDeletionMode mode = TaskDeletionMode.Graceful) => new("default", pod, pod + "-uid", mode);

    [Fact]
    public async Task Records_every_request_and_answers_deleted_by_default()
    {
        var fake = new FakeTaskDeletionStrategy();

        var outcome = await fake.DeleteAsync(Request("a"), TestContext.Current.CancellationToken);
        await fake.DeleteAsync(Request("a", TaskDeletionMode.Force), TestContext.Current.CancellationToken);

        Assert.Equal(TaskDeletionOutcome.Deleted, outcome);
        Assert.Equal([TaskDeletionMode.Graceful, TaskDeletionMode.Force], fake.RequestsFor("a").Select(request => request.Mode));
        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task Can_be_told_to_fail_replace_or_report_gone_per_pod()
    {
        var error = new InvalidOperationException("api server down");
        var fake = new FakeTaskDeletionStrategy().FailFor("failing", error).ReplaceFor("replaced").ReportGoneFor("gone");
        var token = TestContext.Current.CancellationToken;

        var failed = await fake.DeleteAsync(Request("failing"), token);

        Assert.Equal((TaskDeletionOutcomeKind.Failed, (Exception?)error), (failed.Kind, failed.Error));
        Assert.Equal(TaskDeletionOutcome.Replaced, await fake.DeleteAsync(Request("replaced"), token));
        Assert.Equal(TaskDeletionOutcome.AlreadyGone, await fake.DeleteAsync(Request("gone"), token));
        Assert.Equal(TaskDeletionOutcome.Deleted, await fake.DeleteAsync(Request("other"), token));
    }

    [Fact]
    public async Task A_failure_can_be_lifted_and_everything_reset()
    {
        var fake = new FakeTaskDeletionStrategy().FailFor("a");
        var token = TestContext.Current.CancellationToken;
        Assert.Equal(TaskDeletionOutcomeKind.Failed, (await fake.DeleteAsync(Request("a"), token)).Kind);

        fake.Succeed("a");
        Assert.Equal(TaskDeletionOutcome.Deleted, await fake.DeleteAsync(Request("a"), token));

        fake.FailFor("a");
        fake.Reset();
        Assert.Empty(fake.Requests);
        Assert.Equal(TaskDeletionOutcome.Deleted, await fake.DeleteAsync(Request("a"), token));
    }

    [Fact]
    public async Task OnDelete_sees_each_request_before_it_is_answered()
    {
        var seen = new List<string>();
        var fake = new FakeTaskDeletionStrategy { OnDelete = request => seen.Add(request.PodName) };

        await fake.DeleteAsync(Request("a"), TestContext.Current.CancellationToken);

        Assert.Equal(["a"], seen);
    }

    [Fact]
    public async Task Concurrent_requests_are_all_recorded()
    {
        var fake = new FakeTaskDeletionStrategy();

        await Parallel.ForEachAsync(Enumerable.Range(0, 200), TestContext.Current.CancellationToken, async (i, token) => await fake.DeleteAsync(Request($"pod{i}"), token));

        Assert.Equal(200, fake.Requests.Select(request => request.PodName).Distinct().Count());
    }

    [Fact]
    public async Task A_cancelled_request_is_not_recorded()
    {
        var fake = new FakeTaskDeletionStrategy();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await fake.DeleteAsync(Request("a"), new CancellationToken(canceled: true)));

        Assert.Empty(fake.Requests);
    }
}
