using static Furiko.Sdk.Tests.Status.Tasks.TaskPods;

namespace Furiko.Sdk.Tests.Status.Tasks;

/// <summary>FURIKO-SEMANTICS 6.1: when a task started running and when it finished, read from its Pod.</summary>
public class PodTaskReaderTimeTests
{
    public static TheoryData<string, string?, string?> RunningAndFinishTimes => new()
    {
        { "created", null, null },
        { "container creating", null, null },
        { "running", "2021-02-09T04:06:15Z", null },
        { "completed", "2021-02-09T04:06:15Z", "2021-02-09T04:06:21Z" },
        { "error", "2021-02-09T04:06:15Z", "2021-02-09T04:06:21Z" },

        // The container is waiting to be restarted: its last run does not make the task running.
        { "crash loop back-off", null, null },
        { "OOMKilled in last state, restarted and running", "2021-02-09T04:06:40Z", null },
        { "OOMKilled in last state, then completed", "2021-02-09T04:06:40Z", "2021-02-09T04:07:00Z" },

        // No container terminated: start time 04:06:09 plus activeDeadlineSeconds 60.
        { "deadline exceeded while pulling the image", null, "2021-02-09T04:07:09Z" },
        { "deadline exceeded after the container was killed", "2021-02-09T04:06:15Z", "2021-02-09T04:07:10Z" },
        { "deadline exceeded, no start time", null, "2021-02-09T04:06:00Z" },
        { "failed without containers", null, "2021-02-09T04:06:09Z" },
        { "failed before start", null, "2021-02-09T04:06:00Z" },
        { "started at the Unix epoch", null, null },
        { "completed with epoch times", null, "2021-02-09T04:06:09Z" },
        { "completed with zero times", null, "2021-02-09T04:06:09Z" },
        { "failed, only the last state has a finish time", null, "2021-02-09T04:06:21Z" },
        { "failed, a zero current finish time hides the last one", null, "2021-02-09T04:06:09Z" },
        { "two containers, one still running", "2021-02-09T04:06:17Z", null },
        { "two containers finished at different times", "2021-02-09T04:06:16Z", "2021-02-09T04:06:30Z" },
        { "init container started later than the app container", "2021-02-09T04:06:15Z", null },
        { "deleting while running", "2021-02-09T04:06:15Z", null },
        { "deleting after it completed", "2021-02-09T04:06:15Z", "2021-02-09T04:06:21Z" },
        { "unknown phase", "2021-02-09T04:06:15Z", null },
    };

    [Theory]
    [MemberData(nameof(RunningAndFinishTimes))]
    public void Running_and_finish_times_come_from_the_containers_then_the_pod(string podCase, string? running, string? finish)
    {
        var task = Read(PodCases.Get(podCase));

        Assert.Equal(running is null ? null : At(Utc(running)), task.RunningTimestamp);
        Assert.Equal(finish is null ? null : At(Utc(finish)), task.FinishTimestamp);
        Assert.Equal(finish is not null, task.IsFinished);
    }

    [Fact]
    public void Any_time_in_the_first_second_of_the_Unix_epoch_counts_as_unset()
    {
        var task = Read(Pod("Running", Running(DateTime.UnixEpoch.AddMilliseconds(999))));

        Assert.Null(task.RunningTimestamp);
    }

    [Fact]
    public void A_time_one_second_after_the_Unix_epoch_is_a_real_time()
    {
        var task = Read(Pod("Running", Running(DateTime.UnixEpoch.AddSeconds(1))));

        Assert.Equal(NodaTime.Instant.FromUnixTimeSeconds(1), task.RunningTimestamp);
    }

    [Fact]
    public void A_deadline_beyond_the_representable_range_falls_back_to_the_start_time()
    {
        var pod = PodCases.Get("deadline exceeded while pulling the image");
        pod.Spec.ActiveDeadlineSeconds = long.MaxValue;

        var task = Read(pod);

        Assert.Equal(At(StartTime), task.FinishTimestamp);
    }

    [Fact]
    public void Without_an_active_deadline_a_deadline_exceeded_pod_finishes_at_its_start_time()
    {
        var pod = PodCases.Get("deadline exceeded while pulling the image");
        pod.Spec.ActiveDeadlineSeconds = null;

        var task = Read(pod);

        Assert.Equal(At(StartTime), task.FinishTimestamp);
    }

    [Fact]
    public void Fractions_of_a_second_are_kept()
    {
        var startedAt = ContainerStartTime.AddTicks(1_234_567);

        var task = Read(Pod("Running", Running(startedAt)));

        Assert.Equal(At(ContainerStartTime) + NodaTime.Duration.FromTicks(1_234_567), task.RunningTimestamp);
    }
}
