using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Models;
using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.Planning;
using Furiko.Sdk.Tests.Status;
using static Furiko.Sdk.Tests.Status.StatusFixtures;

namespace Furiko.Sdk.Tests.Kubernetes;

/// <summary>Applying a pass's tombstones to a status, before and after derivation.</summary>
public class TombstonedStatusTests
{
    private static TaskRef Ref(string name, TaskRefStatus? tombstone = null) => new()
    {
        Name = name,
        CreationTimestamp = T0,
        Status = new TaskRefStatus { State = TaskState.Running },
        DeletedStatus = tombstone,
    };

    [Fact]
    public void Apply_writes_each_tombstone_by_its_mode_and_leaves_the_input_alone()
    {
        var status = new JobStatus
        {
            Tasks =
            [
                Ref("a"),
                Ref("b", new TaskRefStatus { State = TaskState.Terminated, Result = TaskResult.Killed, Reason = "JobDeleted" }),
                Ref("c", new TaskRefStatus { State = TaskState.Terminated, Result = TaskResult.Killed }),
            ],
        };
        TombstoneWrite[] writes =
        [
            new("a", Tombstone.Killed, TombstoneWriteMode.Overwrite),
            new("b", Tombstone.JobDeleted, TombstoneWriteMode.IfUnset),
            new("c", Tombstone.ForceDeleted, TombstoneWriteMode.ForceUpdate),
        ];

        var changed = TombstonedStatus.Apply(status, writes, out var result, out var unlisted);

        Assert.True(changed);
        Assert.Null(unlisted);
        Assert.Equal(TaskResult.Killed, result.Tasks![0].DeletedStatus!.Result);
        Assert.Equal("JobDeleted", result.Tasks[1].DeletedStatus!.Reason);
        Assert.Equal(TombstoneReasons.ForceDeleted, result.Tasks[2].DeletedStatus!.Reason);
        Assert.Equal(TombstoneReasons.ForceDeletedMessage, result.Tasks[2].DeletedStatus!.Message);
        Assert.Null(status.Tasks[0].DeletedStatus);
        Assert.Null(status.Tasks[2].DeletedStatus!.Reason);
    }

    [Fact]
    public void Apply_reports_no_change_when_every_tombstone_is_stored_already()
    {
        var status = new JobStatus { Tasks = [Ref("a", Tombstone.Killed.ToTaskRefStatus())] };

        Assert.False(TombstonedStatus.Apply(status, [new("a", Tombstone.Killed, TombstoneWriteMode.Overwrite)], out _, out _));
    }

    [Fact]
    public void Apply_names_a_task_that_has_a_tombstone_but_no_entry()
    {
        var status = new JobStatus { Tasks = [Ref("a")] };

        TombstonedStatus.Apply(status, [new("ghost", Tombstone.Killed, TombstoneWriteMode.Overwrite)], out _, out var unlisted);

        Assert.Equal("ghost", unlisted);
    }

    [Fact]
    public void Derive_gives_a_task_gone_since_the_read_its_tombstone_as_status_not_final_state_unknown()
    {
        var job = StartedJob(tasks: [Ref("a")]);

        var status = TombstonedStatus.Derive(job, [], [new("a", Tombstone.Killed, TombstoneWriteMode.Overwrite)], At(60));

        var lost = Assert.Single(status.Tasks!);
        Assert.Equal(TaskState.Terminated, lost.Status.State);
        Assert.Equal(TaskResult.Killed, lost.Status.Result);
        Assert.Equal(At(60), lost.FinishTimestamp);
    }

    [Fact]
    public void Derive_applies_tombstones_to_tasks_the_stored_status_did_not_list_yet_and_drops_those_of_unknown_tasks()
    {
        var job = StartedJob(tasks: []);
        var live = Running("a", T0, T0);

        var status = TombstonedStatus.Derive(
            job,
            [live],
            [new("a", Tombstone.Killed, TombstoneWriteMode.Overwrite), new("never-seen", Tombstone.Killed, TombstoneWriteMode.Overwrite)],
            At(60));

        var taskRef = Assert.Single(status.Tasks!);
        Assert.Equal("a", taskRef.Name);
        Assert.Equal(TaskResult.Killed, taskRef.DeletedStatus!.Result);
        Assert.Equal(TaskState.Running, taskRef.Status.State);
    }

    [Fact]
    public void Derive_without_tombstones_is_the_plain_derivation()
    {
        var job = StartedJob(tasks: [Ref("a")]);
        var live = Running("a", T0, T0);

        Assert.True(JobStatusJson.AreEqual(Sdk.Status.JobStatusDeriver.Derive(job, [live], At(5)), TombstonedStatus.Derive(job, [live], [], At(5))));
    }
}
