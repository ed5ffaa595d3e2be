using k8s.Models;
using static Furiko.Sdk.Tests.Status.Tasks.TaskPods;

namespace Furiko.Sdk.Tests.Status.Tasks;

/// <summary>
/// Named task Pods in the situations a Job's tasks go through, shared by the table-driven tests so that each
/// table can refer to a case by name (names keep the theories serializable and readable).
/// </summary>
internal static class PodCases
{
    public const string ImagePullBackOffMessage = "Back-off pulling image \"hello-world\"";
    public const string ErrImagePullMessage =
        "rpc error: code = Unknown desc = failed to resolve image \"hello-world\": no available registry endpoint: hello-world not found";
    public const string UnschedulableMessage = "0/4 nodes are available: 4 Insufficient cpu.";
    public const string DeadlineMessage = "Pod was active on the node longer than the specified deadline";
    public const string CrashLoopMessage = "back-off 10s restarting failed container=job-container pod=my-sample-job-gezdqo-0_default(5f2a8d1c)";
    public const string NotInitializedMessage = "containers with incomplete status: [init-container]";

    public static readonly DateTime RestartedAt = Utc("2021-02-09T04:06:40Z");

    private static readonly Dictionary<string, Func<V1Pod>> Cases = new(StringComparer.Ordinal)
    {
        ["created"] = Created,
        ["unschedulable"] = () => Created().WithCondition("PodScheduled", "False", "Unschedulable", UnschedulableMessage),
        ["pending, scheduled"] = () => Pod("Pending"),
        ["container creating"] = () => Pod("Pending", Waiting("ContainerCreating", null)),
        ["err image pull"] = () => Pod("Pending", Waiting("ErrImagePull", ErrImagePullMessage)),
        ["image pull back-off"] = () => Pod("Pending", Waiting("ImagePullBackOff", ImagePullBackOffMessage)),
        ["running"] = () => Pod("Running", Running(ContainerStartTime)),
        ["completed"] = () => Pod("Succeeded", Terminated("Completed", 0)),
        ["error"] = () => Pod("Failed", Terminated("Error", 255)),
        ["OOMKilled"] = () => Pod("Failed", Terminated("OOMKilled", 137)),
        ["OOMKilled with exit 0, phase Succeeded"] = () => Pod("Succeeded", Terminated("OOMKilled", 0)),
        ["OOMKilled in last state, restarted and running"] = () => Pod(
            "Running",
            Running(RestartedAt).WithLastState(TerminatedState("OOMKilled", 137, ContainerStartTime, ContainerFinishTime))),
        ["OOMKilled in last state, then completed"] = () => Pod(
            "Succeeded",
            Terminated("Completed", 0, RestartedAt, Utc("2021-02-09T04:07:00Z"))
                .WithLastState(TerminatedState("OOMKilled", 137, ContainerStartTime, ContainerFinishTime))),
        ["crash loop back-off"] = () => Pod(
            "Running",
            Waiting("CrashLoopBackOff", CrashLoopMessage).WithLastState(TerminatedState("Error", 1, ContainerStartTime, ContainerFinishTime))),
        ["deadline exceeded while pulling the image"] = DeadlineExceededWhilePulling,
        ["deadline exceeded, no start time"] = () =>
        {
            var pod = DeadlineExceededWhilePulling();
            pod.Status.StartTime = null;
            return pod;
        },
        ["deadline exceeded after the container was killed"] = () =>
        {
            var pod = Pod("Failed", Terminated("Error", 137, finishedAt: Utc("2021-02-09T04:07:10Z"))).WithStatusReason("DeadlineExceeded", DeadlineMessage);
            pod.Spec.ActiveDeadlineSeconds = 60;
            return pod;
        },
        ["scheduling and initialization both False"] = () => Created()
            .WithCondition("Initialized", "False", "ContainersNotInitialized", NotInitializedMessage)
            .WithCondition("PodScheduled", "False", "Unschedulable", UnschedulableMessage),
        ["failed without containers"] = () => Pod("Failed").WithStatusReason("UnexpectedAdmissionError", "Allocate failed due to no healthy devices present"),
        ["failed before start"] = () =>
        {
            var pod = Pod("Failed");
            pod.Status.StartTime = null;
            return pod;
        },
        ["init error"] = () => Pod("Failed", Waiting("PodInitializing", null))
            .WithCondition("Initialized", "False", "ContainersNotInitialized", NotInitializedMessage)
            .WithInitContainers(Terminated("Error", 1, name: "init-container")),
        ["init error, condition without message"] = () => Pod("Failed", Waiting("PodInitializing", null))
            .WithCondition("Initialized", "False", "ContainersNotInitialized", null)
            .WithInitContainers(Terminated("Error", 1, name: "init-container")),
        ["deleting while running"] = () => Pod("Running", Running(ContainerStartTime)).Deleting(),
        ["deleting while pending"] = () => Pod("Pending", Waiting("ContainerCreating", null)).Deleting(),
        ["deleting after it completed"] = () => Pod("Succeeded", Terminated("Completed", 0)).Deleting(),
        ["deleting after it failed"] = () => Pod("Failed", Terminated("Error", 2)).Deleting(),
        ["unknown phase"] = () => Pod("Unknown", Running(ContainerStartTime)),
        ["empty phase"] = () => Pod(string.Empty),
        ["started at the Unix epoch"] = () => Pod("Running", Running(UnixEpoch)),
        ["completed with epoch times"] = () => Pod("Succeeded", Terminated("Completed", 0, UnixEpoch, UnixEpoch)),
        ["completed with zero times"] = () => Pod("Succeeded", Terminated("Completed", 0, DateTime.MinValue, DateTime.MinValue)),
        ["failed, only the last state has a finish time"] = () => Pod(
            "Failed",
            Waiting("CrashLoopBackOff", CrashLoopMessage).WithLastState(TerminatedState("Error", 1, ContainerStartTime, ContainerFinishTime))),
        ["failed, a zero current finish time hides the last one"] = () => Pod(
            "Failed",
            Terminated("Error", 1, DateTime.MinValue, DateTime.MinValue).WithLastState(TerminatedState("Error", 1, ContainerStartTime, ContainerFinishTime))),
        ["two containers, one still running"] = () => Pod(
            "Running",
            Terminated("Completed", 0, ContainerStartTime, ContainerFinishTime, name: "a-sidecar"),
            Running(Utc("2021-02-09T04:06:17Z"), name: "b-main")),
        ["two containers finished at different times"] = () => Pod(
            "Succeeded",
            Terminated("Completed", 0, ContainerStartTime, Utc("2021-02-09T04:06:30Z"), name: "a-sidecar"),
            Terminated("Completed", 0, Utc("2021-02-09T04:06:16Z"), ContainerFinishTime, name: "b-main")),
        ["init container started later than the app container"] = () => Pod("Running", Running(ContainerStartTime))
            .WithInitContainers(Terminated("Completed", 0, Utc("2021-02-09T04:09:00Z"), Utc("2021-02-09T04:09:30Z"), name: "init-container")),
        ["error with a termination message"] = () => Pod("Failed", Terminated("Error", 2, message: "panic: cannot connect to db")),
        ["pod reason without message"] = () => Pod("Failed", Terminated("Error", 137)).WithStatusReason("DeadlineExceeded", null),
        ["evicted"] = () => Pod("Failed", Terminated("ContainerStatusUnknown", 137, message: "The container could not be located when the pod was terminated"))
            .WithStatusReason("Evicted", "The node was low on resource: memory."),
        ["unschedulable condition without message"] = () => Created()
            .WithCondition("PodScheduled", "False", "Unschedulable", null),
        ["scheduled condition True with a reason"] = () => Pod("Pending", Waiting("ImagePullBackOff", ImagePullBackOffMessage))
            .WithCondition("PodScheduled", "True", "Scheduled", "assigned to worker-1"),
        ["terminated container before a waiting one"] = () => Pod(
            "Running",
            Terminated("Error", 1, name: "a-sidecar"),
            Waiting("ImagePullBackOff", ImagePullBackOffMessage, name: "b-main")),
        ["waiting init container, app container waiting without message"] = () => Pod("Pending", Waiting("PodInitializing", null))
            .WithInitContainers(Waiting("ErrImagePull", ErrImagePullMessage, name: "init-container")),
        ["terminated init container and app container"] = () => Pod("Failed", Terminated("Error", 3))
            .WithInitContainers(Terminated("Error", 4, name: "init-container")),
        ["completed without a reason"] = () => Pod("Succeeded", Terminated(string.Empty, 0)),
        ["killed by a signal"] = () =>
        {
            var pod = Pod("Failed", Terminated("Error", 137));
            pod.Status.ContainerStatuses[0].State.Terminated.Signal = 9;
            return pod;
        },
    };

    public static IEnumerable<string> Names => Cases.Keys;

    public static V1Pod Get(string name) => Cases[name]();

    private static V1Pod DeadlineExceededWhilePulling()
    {
        var pod = Pod("Failed", Waiting("ImagePullBackOff", ImagePullBackOffMessage)).WithStatusReason("DeadlineExceeded", DeadlineMessage);
        pod.Spec.ActiveDeadlineSeconds = 60;
        return pod;
    }
}
