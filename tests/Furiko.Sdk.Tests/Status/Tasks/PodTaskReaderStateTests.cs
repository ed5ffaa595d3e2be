using Furiko.Sdk.Models;

namespace Furiko.Sdk.Tests.Status.Tasks;

/// <summary>FURIKO-SEMANTICS 6.1: a task's state and result read from its Pod.</summary>
public class PodTaskReaderStateTests
{
    public static TheoryData<string, string, string?> StatesAndResults => new()
    {
        { "created", "Starting", null },
        { "unschedulable", "Starting", null },
        { "pending, scheduled", "Starting", null },
        { "container creating", "Starting", null },
        { "err image pull", "Starting", null },
        { "image pull back-off", "Starting", null },
        { "running", "Running", null },
        { "completed", "Terminated", "Succeeded" },
        { "error", "Terminated", "Failed" },
        { "OOMKilled", "Terminated", "Failed" },
        { "OOMKilled with exit 0, phase Succeeded", "Terminated", "Failed" },
        { "OOMKilled in last state, restarted and running", "Running", "Failed" },

        // Furiko reads the current termination of a container and only falls back to its last one when there is
        // none, so an OOM kill before a successful restart is forgotten (the doc's "current or last" is looser).
        { "OOMKilled in last state, then completed", "Terminated", "Succeeded" },
        { "crash loop back-off", "Running", null },
        { "deadline exceeded while pulling the image", "Terminated", "Failed" },
        { "failed without containers", "Terminated", "Failed" },
        { "init error", "Terminated", "Failed" },
        { "deleting while running", "Killing", null },
        { "deleting while pending", "Killing", null },
        { "deleting after it completed", "Terminated", "Succeeded" },
        { "deleting after it failed", "Terminated", "Failed" },
        { "unknown phase", "Starting", null },
        { "empty phase", "Starting", null },
    };

    public static TheoryData<string> AllCases => new(PodCases.Names);

    [Theory]
    [MemberData(nameof(StatesAndResults))]
    public void State_and_result_follow_the_pod_phase_deletion_and_OOM_kills(string podCase, string state, string? result)
    {
        var task = TaskPods.Read(PodCases.Get(podCase));

        Assert.Equal(new TaskState(state), task.Status.State);
        Assert.Equal(result is null ? (TaskResult?)null : new TaskResult(result), task.Status.Result);
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void The_result_read_from_a_pod_is_never_Killed(string podCase)
    {
        var task = TaskPods.Read(PodCases.Get(podCase));

        Assert.NotEqual(TaskResult.Killed, task.Status.Result);
    }

    [Fact]
    public void A_pod_without_a_status_is_a_starting_task()
    {
        var pod = TaskPods.Created();
        pod.Status = null;

        var task = TaskPods.Read(pod);

        Assert.Equal(TaskState.Starting, task.Status.State);
        Assert.Null(task.Status.Result);
        Assert.Null(task.Status.Reason);
        Assert.Null(task.RunningTimestamp);
        Assert.Null(task.FinishTimestamp);
        Assert.Empty(task.ContainerStates);
    }

    [Fact]
    public void Phases_are_compared_exactly_so_a_lower_case_phase_is_not_finished()
    {
        var task = TaskPods.Read(TaskPods.Pod("succeeded", TaskPods.Terminated("Completed", 0)));

        Assert.Equal(TaskState.Starting, task.Status.State);
        Assert.Null(task.Status.Result);
        Assert.Null(task.FinishTimestamp);
    }
}
