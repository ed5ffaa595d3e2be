using Furiko.Sdk.Models;
using Furiko.Sdk.Serialization;
using Furiko.Sdk.Status;
using static Furiko.Sdk.Tests.Status.StatusFixtures;

namespace Furiko.Sdk.Tests.Status;

public class TaskRefMergerTests
{
    [Fact]
    public void A_live_task_not_yet_in_the_status_is_added()
    {
        var refs = TaskRefMerger.Merge(null, [Running("job-gezdqo-0", At(0), At(5))], At(10));

        var taskRef = Assert.Single(refs);
        Assert.Equal("job-gezdqo-0", taskRef.Name);
        Assert.Equal(TaskState.Running, taskRef.Status.State);
        Assert.Equal(At(5), taskRef.RunningTimestamp);
        Assert.Null(taskRef.DeletedStatus);
    }

    [Fact]
    public void The_stored_tombstone_survives_a_refresh_from_the_live_pod()
    {
        var live = Killing("t", At(0), At(5), At(60));
        var stored = Stored(Running("t", At(0), At(5)), KilledTombstone());

        var taskRef = Assert.Single(TaskRefMerger.Merge([stored], [live], At(30)));

        Assert.Equal(TaskState.Killing, taskRef.Status.State);
        Assert.Equal(TaskState.Terminated, taskRef.DeletedStatus!.State);
        Assert.Equal(TaskResult.Killed, taskRef.DeletedStatus.Result);
    }

    [Fact]
    public void Running_and_finish_times_once_seen_are_kept_when_the_pod_no_longer_shows_them()
    {
        // CrashLoopBackOff: the container is waiting again, so the live pod shows no running time.
        var stored = Stored(Running("t", At(0), At(5)));
        var live = Pending("t", At(0));

        var taskRef = Assert.Single(TaskRefMerger.Merge([stored], [live], At(30)));

        Assert.Equal(At(5), taskRef.RunningTimestamp);
        Assert.Equal(TaskState.Starting, taskRef.Status.State);
    }

    [Fact]
    public void A_finished_task_gets_its_final_status_as_tombstone()
    {
        var stored = Stored(Running("t", At(0), At(5)), KilledTombstone());
        var live = Finished("t", At(0), At(5), At(20), TaskResult.Failed);

        var taskRef = Assert.Single(TaskRefMerger.Merge([stored], [live], At(30)));

        Assert.Equal(TaskResult.Failed, taskRef.DeletedStatus!.Result);
        Assert.Equal(TaskState.Terminated, taskRef.DeletedStatus.State);
        Assert.NotSame(taskRef.Status, taskRef.DeletedStatus);
    }

    [Fact]
    public void A_lost_task_with_a_tombstone_takes_it_as_status_and_finishes_now()
    {
        var tombstone = new TaskRefStatus { State = TaskState.Terminated, Result = TaskResult.Killed, Reason = "PendingTimeout", Message = "Task exceeded pending timeout of 15m0s" };
        var stored = Stored(Pending("t", At(0)), tombstone);

        var taskRef = Assert.Single(TaskRefMerger.Merge([stored], [], At(900)));

        Assert.Equal(At(900), taskRef.FinishTimestamp);
        Assert.Equal(TaskState.Terminated, taskRef.Status.State);
        Assert.Equal(TaskResult.Killed, taskRef.Status.Result);
        Assert.Equal("PendingTimeout", taskRef.Status.Reason);
        Assert.Equal("Task exceeded pending timeout of 15m0s", taskRef.Status.Message);
    }

    [Fact]
    public void A_lost_task_without_a_tombstone_becomes_final_state_unknown()
    {
        var stored = Stored(Running("t", At(0), At(5)));

        var taskRef = Assert.Single(TaskRefMerger.Merge([stored], [], At(100)));

        Assert.Equal(TaskState.DeletedFinalStateUnknown, taskRef.Status.State);
        Assert.Equal(At(100), taskRef.FinishTimestamp);
        Assert.Null(taskRef.Status.Result);
    }

    [Fact]
    public void A_lost_task_keeps_a_finish_time_it_already_had()
    {
        var stored = Stored(Finished("t", At(0), At(5), At(20), TaskResult.Succeeded), KilledTombstone());

        var taskRef = Assert.Single(TaskRefMerger.Merge([stored], [], At(100)));

        Assert.Equal(At(20), taskRef.FinishTimestamp);
    }

    [Fact]
    public void Refs_are_sorted_by_creation_time_then_name()
    {
        // Three pods created at the same instant sort by name: index 2, index 0, index 1 (FURIKO-SEMANTICS 1).
        var live = new[]
        {
            Running("my-job-gi3dgn-0", At(0), At(1)),
            Running("my-job-later-0", At(-10), At(1)),
            Running("my-job-gezdqo-0", At(0), At(1)),
            Running("my-job-geytio-0", At(0), At(1)),
        };

        var names = TaskRefMerger.Merge(null, live, At(5)).Select(r => r.Name);

        Assert.Equal(["my-job-later-0", "my-job-geytio-0", "my-job-gezdqo-0", "my-job-gi3dgn-0"], names);
    }

    [Fact]
    public void The_inputs_are_not_mutated_and_no_object_is_shared()
    {
        var stored = Stored(Running("t", At(0), At(5)), KilledTombstone());
        var lost = Stored(Running("gone", At(1), At(5)));
        var before = FurikoJson.Serialize(new[] { stored, lost });
        var live = Killing("t", At(0), At(5), At(60));

        var refs = TaskRefMerger.Merge([stored, lost], [live], At(30));

        Assert.Equal(before, FurikoJson.Serialize(new[] { stored, lost }));
        Assert.DoesNotContain(refs, r => ReferenceEquals(r, stored) || ReferenceEquals(r, lost));
        Assert.DoesNotContain(refs, r => ReferenceEquals(r.DeletedStatus, stored.DeletedStatus));
        Assert.DoesNotContain(refs, r => ReferenceEquals(r.Status, live.Status));
    }

    [Fact]
    public void The_same_pod_listed_twice_counts_once()
    {
        var task = Running("t", At(0), At(5));

        Assert.Single(TaskRefMerger.Merge(null, [task, task], At(10)));
    }
}
