namespace Furiko.Sdk.Tests.Status.Tasks;

/// <summary>FURIKO-SEMANTICS 6.1: the reason and message of a task, read from its Pod (first match wins).</summary>
public class PodTaskReaderReasonTests
{
    public static TheoryData<string, string?, string?> ReasonsAndMessages => new()
    {
        { "created", null, null },
        { "pending, scheduled", null, null },
        { "running", null, null },

        // Completed has no default message, so a successful task has no reason.
        { "completed", null, null },
        { "completed without a reason", null, null },
        { "unschedulable", "Unschedulable", PodCases.UnschedulableMessage },
        { "unschedulable condition without message", null, null },
        { "scheduling and initialization both False", "Unschedulable", PodCases.UnschedulableMessage },
        { "scheduled condition True with a reason", "ImagePullBackOff", PodCases.ImagePullBackOffMessage },
        { "container creating", null, null },
        { "err image pull", "ErrImagePull", PodCases.ErrImagePullMessage },
        { "image pull back-off", "ImagePullBackOff", PodCases.ImagePullBackOffMessage },
        { "crash loop back-off", "CrashLoopBackOff", PodCases.CrashLoopMessage },
        { "error", "Error", "Container exited with status 255" },
        { "error with a termination message", "Error", "panic: cannot connect to db" },
        { "killed by a signal", "Error", "Container exited with status 137" },
        { "OOMKilled", "OOMKilled", "Container exited with status 137" },
        { "OOMKilled with exit 0, phase Succeeded", "OOMKilled", "Container exited with status 0" },

        // Only current terminations give a message; the OOM kill in the last state does not.
        { "OOMKilled in last state, restarted and running", null, null },
        { "deadline exceeded while pulling the image", "DeadlineExceeded", PodCases.DeadlineMessage },
        { "pod reason without message", "Error", "Container exited with status 137" },
        { "evicted", "Evicted", "The node was low on resource: memory." },
        { "failed without containers", "UnexpectedAdmissionError", "Allocate failed due to no healthy devices present" },
        { "init error", "ContainersNotInitialized", PodCases.NotInitializedMessage },
        { "init error, condition without message", "Error", "Container exited with status 1" },
        { "terminated container before a waiting one", "ImagePullBackOff", PodCases.ImagePullBackOffMessage },
        { "waiting init container, app container waiting without message", "ErrImagePull", PodCases.ErrImagePullMessage },
        { "terminated init container and app container", "Error", "Container exited with status 3" },
        { "deleting while running", null, null },
    };

    [Theory]
    [MemberData(nameof(ReasonsAndMessages))]
    public void Reason_and_message_come_from_the_first_source_that_has_both(string podCase, string? reason, string? message)
    {
        var task = TaskPods.Read(PodCases.Get(podCase));

        Assert.Equal(reason, task.Status.Reason);
        Assert.Equal(message, task.Status.Message);
    }

    [Fact]
    public void Only_the_first_condition_of_a_type_is_looked_at()
    {
        var pod = TaskPods.Created();
        pod.Status.Conditions =
        [
            new() { Type = "PodScheduled", Status = "True" },
            new() { Type = "PodScheduled", Status = "False", Reason = "Unschedulable", Message = PodCases.UnschedulableMessage },
        ];

        var task = TaskPods.Read(pod);

        Assert.Null(task.Status.Reason);
    }

    [Fact]
    public void A_termination_reason_other_than_OOMKilled_or_Error_needs_its_own_message()
    {
        var task = TaskPods.Read(TaskPods.Pod("Failed", TaskPods.Terminated("ContainerCannotRun", 128)));

        Assert.Null(task.Status.Reason);
        Assert.Null(task.Status.Message);
    }

    [Fact]
    public void A_negative_exit_code_is_written_with_its_sign()
    {
        var task = TaskPods.Read(TaskPods.Pod("Failed", TaskPods.Terminated("Error", -1)));

        Assert.Equal("Container exited with status -1", task.Status.Message);
    }
}
