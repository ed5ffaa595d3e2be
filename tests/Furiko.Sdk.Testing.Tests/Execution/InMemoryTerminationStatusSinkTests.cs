using Furiko.Sdk.Models;
using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.Planning;
using Furiko.Sdk.Testing.Execution;

namespace Furiko.Sdk.Testing.Tests.Execution;

public class InMemoryTerminationStatusSinkTests
{
    private static Job JobWith(params (string Name, TaskRefStatus? Tombstone)[] tasks) => new()
    {
        Status = new JobStatus { Tasks = [.. tasks.Select(task => new TaskRef { Name = task.Name, DeletedStatus = task.Tombstone })] },
    };

    private static TaskRefStatus? TombstoneOf(Job job, string name) => job.Status!.Tasks!.Single(task => task.Name == name).DeletedStatus;

    [Fact]
    public async Task Applies_each_mode_to_the_task_of_that_name()
    {
        var succeeded = new TaskRefStatus { State = TaskState.Terminated, Result = TaskResult.Succeeded };
        var job = JobWith(("overwritten", succeeded), ("kept", succeeded), ("filled", null), ("forced", succeeded));
        var sink = new InMemoryTerminationStatusSink();

        await sink.WriteTombstonesAsync(
            job,
            [
                new TombstoneWrite("overwritten", Tombstone.Killed, TombstoneWriteMode.Overwrite),
                new TombstoneWrite("kept", Tombstone.JobDeleted, TombstoneWriteMode.IfUnset),
                new TombstoneWrite("filled", Tombstone.JobDeleted, TombstoneWriteMode.IfUnset),
                new TombstoneWrite("forced", Tombstone.ForceDeleted, TombstoneWriteMode.ForceUpdate),
            ],
            TestContext.Current.CancellationToken);

        Assert.Equal(TaskResult.Killed, TombstoneOf(job, "overwritten")!.Result);
        Assert.Same(succeeded, TombstoneOf(job, "kept"));
        Assert.Equal("JobDeleted", TombstoneOf(job, "filled")!.Reason);
        Assert.Equal((TaskResult?)TaskResult.Succeeded, TombstoneOf(job, "forced")!.Result);
        Assert.Equal("ForceDeleted", TombstoneOf(job, "forced")!.Reason);
        Assert.Equal(4, sink.Writes.Count);
    }

    [Fact]
    public async Task A_task_the_status_does_not_list_is_recorded_but_not_applied()
    {
        var job = JobWith(("listed", null));
        var sink = new InMemoryTerminationStatusSink();

        await sink.WriteTombstonesAsync(job, [new TombstoneWrite("unlisted", Tombstone.Killed, TombstoneWriteMode.Overwrite)], TestContext.Current.CancellationToken);

        Assert.Single(sink.Writes);
        Assert.Null(TombstoneOf(job, "listed"));
        Assert.Single(job.Status!.Tasks!);
    }

    [Fact]
    public async Task Can_be_told_to_fail_and_then_applies_nothing()
    {
        var job = JobWith(("a", null));
        var sink = new InMemoryTerminationStatusSink();
        sink.FailWith(new IOException("conflict"));

        await Assert.ThrowsAsync<IOException>(async () =>
            await sink.WriteTombstonesAsync(job, [new TombstoneWrite("a", Tombstone.Killed, TombstoneWriteMode.Overwrite)], TestContext.Current.CancellationToken));

        Assert.Null(TombstoneOf(job, "a"));
        Assert.Equal(1, sink.WriteCount);
        sink.FailWith(null);
        await sink.WriteTombstonesAsync(job, [new TombstoneWrite("a", Tombstone.Killed, TombstoneWriteMode.Overwrite)], TestContext.Current.CancellationToken);
        Assert.NotNull(TombstoneOf(job, "a"));
    }

    [Fact]
    public async Task A_Job_without_status_is_tolerated()
    {
        var sink = new InMemoryTerminationStatusSink();

        await sink.WriteTombstonesAsync(new Job(), [new TombstoneWrite("a", Tombstone.Killed, TombstoneWriteMode.Overwrite)], TestContext.Current.CancellationToken);

        Assert.Single(sink.Writes);
    }
}
