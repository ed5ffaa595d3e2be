using System.Text.Json;
using System.Text.Json.Nodes;
using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Models;
using Furiko.Sdk.Serialization;
using Furiko.Sdk.Termination;

namespace Furiko.Sdk.Tests.Kubernetes;

/// <summary>Whether two tombstones count as the same on the wire, which decides whether a status write is needed.</summary>
public class JobStatusJsonTests
{
    private static TaskRefStatus Killed(string? message = "Task was killed") => new()
    {
        State = TaskState.Terminated,
        Result = TaskResult.Killed,
        Reason = "Killed",
        Message = message,
    };

    [Fact]
    public void Two_tombstones_with_the_same_fields_are_equal()
    {
        Assert.True(JobStatusJson.AreEqual(Killed(), Killed()));
        Assert.True(JobStatusJson.AreEqual(Tombstone.Killed.ToTaskRefStatus(), Tombstone.Killed.ToTaskRefStatus()));
        Assert.True(JobStatusJson.AreEqual((TaskRefStatus?)null, null));
    }

    [Fact]
    public void Tombstones_that_differ_in_any_field_are_not_equal()
    {
        Assert.False(JobStatusJson.AreEqual(Killed(), Killed(message: null)));
        Assert.False(JobStatusJson.AreEqual(Killed(), new TaskRefStatus { State = TaskState.Killing, Result = TaskResult.Killed, Reason = "Killed", Message = "Task was killed" }));
        Assert.False(JobStatusJson.AreEqual(Killed(), new TaskRefStatus { State = TaskState.Terminated, Reason = "Killed", Message = "Task was killed" }));
        Assert.False(JobStatusJson.AreEqual(Killed(), new TaskRefStatus { State = TaskState.Terminated, Result = TaskResult.Killed, Reason = "killed", Message = "Task was killed" }));
        Assert.False(JobStatusJson.AreEqual(Killed(), (TaskRefStatus?)null));
    }

    [Fact]
    public void Unknown_fields_count_whether_or_not_the_known_ones_agree()
    {
        var extra = Killed();
        extra.UnknownFields = new Dictionary<string, JsonElement> { ["exitCode"] = JsonSerializer.SerializeToElement(143) };
        var same = Killed();
        same.UnknownFields = new Dictionary<string, JsonElement> { ["exitCode"] = JsonSerializer.SerializeToElement(143) };
        var empty = Killed();
        empty.UnknownFields = new Dictionary<string, JsonElement>();

        Assert.False(JobStatusJson.AreEqual(extra, Killed()));
        Assert.True(JobStatusJson.AreEqual(extra, same));
        Assert.True(JobStatusJson.AreEqual(empty, Killed()));
    }

    [Fact]
    public void The_fields_compared_without_JSON_are_every_field_a_tombstone_has()
    {
        // If TaskRefStatus gains a field, the typed comparison in JobStatusJson must compare it too.
        var fields = typeof(TaskRefStatus).GetProperties()
            .Where(p => p.CanWrite && p.Name != nameof(TaskRefStatus.UnknownFields))
            .Select(p => p.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(["Message", "Reason", "Result", "State"], fields);
    }

    [Fact]
    public void The_copies_that_spare_a_deep_copy_keep_every_member_and_unknown_field()
    {
        var job = JsonNode.Parse(TestFixtures.Read(TestFixtures.EveryFieldJob))!.AsObject();
        job["status"]!["futureField"] = "kept";
        job["status"]!["tasks"]![0]!["futureField"] = "kept too";
        var status = FurikoJson.Deserialize<Job>(job.ToJsonString()).Status!;
        var entry = status.Tasks![0];

        var copy = JobStatusJson.WithOwnTaskList(status);
        var entryCopy = JobStatusJson.WithDeletedStatus(entry, entry.DeletedStatus);

        Assert.Equal(FurikoJson.Serialize(status), FurikoJson.Serialize(copy));
        Assert.Equal(FurikoJson.Serialize(entry), FurikoJson.Serialize(entryCopy));
        Assert.NotSame(status.Tasks, copy.Tasks);
        Assert.True(JobStatusJson.AreEqual(status, copy));
    }

    [Fact]
    public void The_copies_know_every_member_of_a_status_and_a_task_entry()
    {
        // If JobStatus or TaskRef gains a member, JobStatusJson.WithOwnTaskList / WithDeletedStatus must copy it too.
        Assert.Equal(
            ["Condition", "CreatedTasks", "ParallelStatus", "Phase", "RunningTasks", "StartTime", "State", "Tasks", "UnknownFields"],
            Settable<JobStatus>());
        Assert.Equal(
            ["ContainerStates", "CreationTimestamp", "DeletedStatus", "FinishTimestamp", "Name", "NodeName", "ParallelIndex", "RetryIndex", "RunningTimestamp", "Status", "UnknownFields"],
            Settable<TaskRef>());
    }

    [Fact]
    public void Statuses_that_differ_in_phase_counts_or_number_of_tasks_are_not_equal_and_alike_ones_are_compared_in_full()
    {
        var status = FurikoJson.Deserialize<Job>(TestFixtures.Read(TestFixtures.EveryFieldJob)).Status!;
        JobStatus Changed(Action<JobStatus> change)
        {
            var copy = JobStatusJson.WithOwnTaskList(status);
            change(copy);
            return copy;
        }

        Assert.False(JobStatusJson.AreEqual(status, Changed(s => s.Phase = JobPhase.Killing)));
        Assert.False(JobStatusJson.AreEqual(status, Changed(s => s.CreatedTasks++)));
        Assert.False(JobStatusJson.AreEqual(status, Changed(s => s.RunningTasks++)));
        Assert.False(JobStatusJson.AreEqual(status, Changed(s => s.Tasks!.RemoveAt(0))));
        Assert.False(JobStatusJson.AreEqual(status, Changed(s => s.StartTime = s.StartTime!.Value + NodaTime.Duration.FromSeconds(1))));
        Assert.False(JobStatusJson.AreEqual(Changed(s => s.Tasks = null), Changed(s => s.Tasks = [])));
        Assert.True(JobStatusJson.AreEqual(status, FurikoJson.Deserialize<JobStatus>(FurikoJson.Serialize(status))));
    }

    private static string[] Settable<T>() =>
        [.. typeof(T).GetProperties().Where(p => p.CanWrite).Select(p => p.Name).Order(StringComparer.Ordinal)];
}
