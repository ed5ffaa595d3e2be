using Furiko.Sdk.Serialization;
using Furiko.Sdk.Status;
using Furiko.Sdk.Tests.Status.Tasks;
using k8s;
using k8s.Models;
using NodaTime;
using static Furiko.Sdk.Tests.Status.Tasks.TaskPods;

namespace Furiko.Sdk.Tests.Serialization;

/// <summary>KubernetesClient's <see cref="DateTime"/> values become <see cref="Instant"/>s at the edge; local times are refused.</summary>
public class KubernetesTimeConverterTests
{
    private const string PodJson = """
        {"apiVersion":"v1","kind":"Pod",
         "metadata":{"name":"my-sample-job-gezdqo-0","namespace":"default","creationTimestamp":"2021-02-09T04:06:00Z"},
         "status":{"phase":"Succeeded","startTime":"2021-02-09T04:06:09Z",
           "containerStatuses":[{"name":"job-container","image":"hello-world","imageID":"","ready":false,"restartCount":0,
             "state":{"terminated":{"exitCode":0,"reason":"Completed","startedAt":"2021-02-09T04:06:15Z","finishedAt":"2021-02-09T04:06:21.5Z"}}}]}}
        """;

    private const string PodYaml = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: my-sample-job-gezdqo-0
          namespace: default
          creationTimestamp: "2021-02-09T04:06:00Z"
        status:
          phase: Succeeded
          startTime: "2021-02-09T04:06:09Z"
          containerStatuses:
          - name: job-container
            image: hello-world
            imageID: ""
            ready: false
            restartCount: 0
            state:
              terminated:
                exitCode: 0
                reason: Completed
                startedAt: "2021-02-09T04:06:15Z"
                finishedAt: "2021-02-09T04:06:21.5Z"
        """;

    [Fact]
    public void Utc_and_unspecified_times_are_both_read_as_UTC()
    {
        var expected = Instant.FromUtc(2021, 2, 9, 4, 6, 15);
        var clock = new DateTime(2021, 2, 9, 4, 6, 15);

        Assert.Equal(expected, KubernetesTimeConverter.ToInstant(DateTime.SpecifyKind(clock, DateTimeKind.Utc), "Pod x", "f"));
        Assert.Equal(expected, KubernetesTimeConverter.ToInstant(DateTime.SpecifyKind(clock, DateTimeKind.Unspecified), "Pod x", "f"));
        Assert.Null(KubernetesTimeConverter.ToInstant((DateTime?)null, "Pod x", "f"));
    }

    [Fact]
    public void A_local_time_is_refused_naming_the_field_and_value()
    {
        var local = new DateTime(2021, 2, 9, 4, 6, 15, DateTimeKind.Local);

        var error = Assert.Throws<ArgumentException>(() => KubernetesTimeConverter.ToInstant(local, "Pod default/x", "status.startTime"));

        Assert.StartsWith("Pod default/x: status.startTime is 2021-02-09T04:06:15.0000000", error.Message, StringComparison.Ordinal);
        Assert.Contains("with DateTimeKind.Local", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pod_with_a_local_container_start_time_is_refused_naming_the_container_field()
    {
        var pod = Pod("Running", Running(new DateTime(2021, 2, 9, 4, 6, 15, DateTimeKind.Local)));

        var error = Assert.Throws<ArgumentException>(() => Read(pod));

        Assert.StartsWith($"Pod default/{Name}: status.containerStatuses[0].state.running.startedAt is ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pod_with_a_local_last_finish_time_is_refused_naming_the_last_state()
    {
        var pod = PodCases.Get("failed, only the last state has a finish time");
        pod.Status.ContainerStatuses[0].LastState.Terminated.FinishedAt = new DateTime(2021, 2, 9, 4, 6, 21, DateTimeKind.Local);

        var error = Assert.Throws<ArgumentException>(() => Read(pod));

        Assert.StartsWith($"Pod default/{Name}: status.containerStatuses[0].lastState.terminated.finishedAt is ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pod_with_a_local_creation_time_is_refused()
    {
        var pod = Created();
        pod.Metadata.CreationTimestamp = new DateTime(2021, 2, 9, 4, 6, 0, DateTimeKind.Local);

        var error = Assert.Throws<ArgumentException>(() => Read(pod));

        Assert.StartsWith($"Pod default/{Name}: metadata.creationTimestamp is ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KubernetesClient_JSON_gives_UTC_times_that_read_as_the_same_instants()
    {
        var pod = KubernetesJson.Deserialize<V1Pod>(PodJson);

        Assert.Equal(DateTimeKind.Utc, pod.Metadata.CreationTimestamp?.Kind);
        AssertReadTimes(Read(pod));
    }

    [Fact]
    public void KubernetesClient_YAML_also_gives_UTC_times_that_read_as_the_same_instants()
    {
        var pod = KubernetesYaml.Deserialize<V1Pod>(PodYaml);

        Assert.Equal(DateTimeKind.Utc, pod.Metadata.CreationTimestamp?.Kind);
        AssertReadTimes(Read(pod));
    }

    private static void AssertReadTimes(ObservedTask task)
    {
        Assert.Equal(Instant.FromUtc(2021, 2, 9, 4, 6, 0), task.CreationTimestamp);
        Assert.Equal(Instant.FromUtc(2021, 2, 9, 4, 6, 15), task.RunningTimestamp);
        Assert.Equal(Instant.FromUtc(2021, 2, 9, 4, 6, 21) + Duration.FromMilliseconds(500), task.FinishTimestamp);
    }
}
