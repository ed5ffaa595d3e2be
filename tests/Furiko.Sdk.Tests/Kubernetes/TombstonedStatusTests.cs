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

    [Fact]
    public void Apply_gives_the_tombstone_to_the_first_of_two_entries_with_the_same_name()
    {
        var status = new JobStatus { Tasks = [Ref("a"), Ref("b"), Ref("a")] };

        TombstonedStatus.Apply(status, [new("a", Tombstone.Killed, TombstoneWriteMode.Overwrite)], out var result, out var unlisted);

        Assert.Null(unlisted);
        Assert.Equal(TaskResult.Killed, result.Tasks![0].DeletedStatus!.Result);
        Assert.Null(result.Tasks[1].DeletedStatus);
        Assert.Null(result.Tasks[2].DeletedStatus);
    }

    [Fact]
    public void Every_one_of_many_tombstones_lands_on_its_own_task_and_a_second_pass_changes_nothing()
    {
        // Past the size where entries are looked up by name instead of searched one by one.
        var names = Enumerable.Range(0, 1_500).Select(i => $"job-x{i:D5}-0").ToArray();
        var status = new JobStatus { Tasks = [.. names.Select(name => Ref(name))] };
        TombstoneWrite[] writes = [.. names.Reverse().Select(name => new TombstoneWrite(name, Tombstone.Killed, TombstoneWriteMode.Overwrite))];

        Assert.True(TombstonedStatus.Apply(status, writes, out var first, out var unlisted));
        Assert.False(TombstonedStatus.Apply(first, writes, out var second, out _));

        Assert.Null(unlisted);
        Assert.Equal(names, first.Tasks!.Select(t => t.Name));
        Assert.All(first.Tasks!, t => Assert.Equal(TaskResult.Killed, t.DeletedStatus!.Result));
        Assert.True(JobStatusJson.AreEqual(first, second));
    }

    [Fact]
    public void Derive_applies_the_tombstones_of_many_new_tasks_and_keeps_those_already_stored()
    {
        var stored = Enumerable.Range(0, 600).Select(i => Ref($"stored-{i:D4}", Tombstone.JobDeleted.ToTaskRefStatus())).ToList();
        var job = StartedJob(tasks: stored);
        var live = Enumerable.Range(0, 600).Select(i => Running($"new-{i:D4}", T0, T0)).ToArray();
        TombstoneWrite[] writes =
        [
            .. stored.Select(r => new TombstoneWrite(r.Name, Tombstone.Killed, TombstoneWriteMode.IfUnset)),
            .. live.Select(t => new TombstoneWrite(t.Name, Tombstone.Killed, TombstoneWriteMode.Overwrite)),
        ];

        var status = TombstonedStatus.Derive(job, live, writes, At(60));

        Assert.Equal(1_200, status.Tasks!.Count);
        Assert.All(status.Tasks.Where(t => t.Name.StartsWith("stored-", StringComparison.Ordinal)), t => Assert.Equal("JobDeleted", t.DeletedStatus!.Reason));
        Assert.All(status.Tasks.Where(t => t.Name.StartsWith("new-", StringComparison.Ordinal)), t => Assert.Equal(TaskResult.Killed, t.DeletedStatus!.Result));
    }
}
