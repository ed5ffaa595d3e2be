using Furiko.Sdk.Models;
using static Furiko.Sdk.Tests.Status.Tasks.TaskPods;

namespace Furiko.Sdk.Tests.Status.Tasks;

/// <summary>The per-container states Furiko records for a task: the current termination only, plus the container ID.</summary>
public class PodTaskReaderContainerStateTests
{
    [Fact]
    public void A_completed_container_records_its_exit_code_and_reason()
    {
        var state = Assert.Single(Read(PodCases.Get("completed")).ContainerStates);

        AssertState(state, exitCode: 0, reason: "Completed", message: null, signal: null, ContainerId);
    }

    [Fact]
    public void A_failed_container_records_its_own_message_and_no_default_one()
    {
        Assert.Equal("panic: cannot connect to db", Assert.Single(Read(PodCases.Get("error with a termination message")).ContainerStates).Message);

        var state = Assert.Single(Read(PodCases.Get("error")).ContainerStates);
        AssertState(state, exitCode: 255, reason: "Error", message: null, signal: null, ContainerId);
    }

    [Fact]
    public void A_signal_is_recorded_and_a_zero_signal_is_left_unset()
    {
        Assert.Equal(9, Assert.Single(Read(PodCases.Get("killed by a signal")).ContainerStates).Signal);

        var pod = PodCases.Get("error");
        pod.Status.ContainerStatuses[0].State.Terminated.Signal = 0;
        Assert.Null(Assert.Single(Read(pod).ContainerStates).Signal);
    }

    [Fact]
    public void A_running_container_records_only_its_ID()
    {
        var state = Assert.Single(Read(PodCases.Get("running")).ContainerStates);

        AssertState(state, exitCode: 0, reason: null, message: null, signal: null, ContainerId);
    }

    [Fact]
    public void A_restarting_container_records_neither_its_waiting_reason_nor_its_last_termination()
    {
        var state = Assert.Single(Read(PodCases.Get("crash loop back-off")).ContainerStates);

        AssertState(state, exitCode: 0, reason: null, message: null, signal: null, ContainerId);
    }

    [Fact]
    public void A_container_not_yet_created_records_nothing_at_all()
    {
        var state = Assert.Single(Read(PodCases.Get("image pull back-off")).ContainerStates);

        AssertState(state, exitCode: 0, reason: null, message: null, signal: null, containerId: null);
    }

    [Fact]
    public void States_follow_the_order_of_the_container_statuses_and_skip_init_containers()
    {
        var pod = Pod(
            "Failed",
            Terminated("Error", 2, name: "b-main"),
            Terminated("Completed", 0, name: "a-sidecar")).WithInitContainers(Terminated("Completed", 0, name: "init-container"));

        var states = Read(pod).ContainerStates;

        Assert.Equal([2, 0], states.Select(s => s.ExitCode));
        Assert.Equal(["Error", "Completed"], states.Select(s => s.Reason));
    }

    [Fact]
    public void A_pod_without_container_statuses_has_no_container_states()
    {
        Assert.Empty(Read(PodCases.Get("created")).ContainerStates);
    }

    [Fact]
    public void Container_states_serialize_as_Furiko_writes_them()
    {
        var states = Read(PodCases.Get("running")).ContainerStates.Concat(Read(PodCases.Get("error")).ContainerStates);

        Assert.Equal(
            "[{\"exitCode\":0,\"containerID\":\"" + ContainerId + "\"},{\"exitCode\":255,\"reason\":\"Error\",\"containerID\":\"" + ContainerId + "\"}]",
            Furiko.Sdk.Serialization.FurikoJson.Serialize(states.ToList()));
    }

    private static void AssertState(TaskContainerState state, int exitCode, string? reason, string? message, int? signal, string? containerId)
    {
        Assert.Equal(exitCode, state.ExitCode);
        Assert.Equal(reason, state.Reason);
        Assert.Equal(message, state.Message);
        Assert.Equal(signal, state.Signal);
        Assert.Equal(containerId, state.ContainerId);
    }
}
