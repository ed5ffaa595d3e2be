using System.Text.Json;
using Furiko.Sdk.Models;
using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.Planning;

namespace Furiko.Sdk.Tests.Termination.Planning;

public class TombstoneWriteTests
{
    private static TaskRefStatus Existing() => new()
    {
        State = TaskState.Terminated,
        Result = TaskResult.Succeeded,
        Reason = "Completed",
        Message = "done",
        UnknownFields = new Dictionary<string, JsonElement> { ["future"] = JsonDocument.Parse("1").RootElement },
    };

    [Fact]
    public void Overwrite_replaces_an_existing_tombstone()
    {
        var existing = Existing();

        var written = new TombstoneWrite("t", Tombstone.Killed, TombstoneWriteMode.Overwrite).Apply(existing);

        Assert.Equal(TaskState.Terminated, written.State);
        Assert.Equal(TaskResult.Killed, written.Result);
        Assert.Null(written.Reason);
        Assert.Null(written.Message);
        Assert.Equal(TaskResult.Succeeded, existing.Result);
    }

    [Fact]
    public void IfUnset_keeps_an_existing_tombstone_and_fills_a_missing_one()
    {
        var write = new TombstoneWrite("t", Tombstone.JobDeleted, TombstoneWriteMode.IfUnset);
        var existing = Existing();

        Assert.Same(existing, write.Apply(existing));
        var filled = write.Apply(null);
        Assert.Equal(
            (TaskState.Terminated, (TaskResult?)TaskResult.Killed, "JobDeleted", "Task was killed in response to deletion of Job"),
            (filled.State, filled.Result, filled.Reason, filled.Message));
    }

    [Fact]
    public void ForceUpdate_keeps_state_and_result_and_replaces_reason_and_message()
    {
        var existing = Existing();

        var written = new TombstoneWrite("t", Tombstone.ForceDeleted, TombstoneWriteMode.ForceUpdate).Apply(existing);

        Assert.Equal(
            (TaskState.Terminated, (TaskResult?)TaskResult.Succeeded, "ForceDeleted", "Forcefully deleted the task, container may still be running"),
            (written.State, written.Result, written.Reason, written.Message));
        Assert.True(written.UnknownFields!.ContainsKey("future"));
        Assert.Equal("Completed", existing.Reason);
    }

    [Fact]
    public void ForceUpdate_of_an_unset_tombstone_writes_terminated_killed()
    {
        var written = new TombstoneWrite("t", Tombstone.ForceDeleted, TombstoneWriteMode.ForceUpdate).Apply(null);

        Assert.Equal(
            (TaskState.Terminated, (TaskResult?)TaskResult.Killed, "ForceDeleted", "Forcefully deleted the task, container may still be running"),
            (written.State, written.Result, written.Reason, written.Message));
    }

    [Fact]
    public void Pending_timeout_message_names_the_timeout_in_Go_format()
    {
        Assert.Equal("Task exceeded pending timeout of 1h30m0s", TombstoneReasons.PendingTimeoutMessage(NodaTime.Duration.FromSeconds(5400)));
    }
}
