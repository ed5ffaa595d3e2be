using System.Text.Json.Nodes;
using Furiko.Sdk.Benchmarks.Data;
using Furiko.Sdk.Benchmarks.Floors;
using Furiko.Sdk.Benchmarks.Kubernetes;
using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Models;
using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.Deletion;
using k8s.Models;

namespace Furiko.Sdk.Benchmarks.Tests;

/// <summary>
/// The kill benchmark compares like with like only if the SDK kills the whole Job in its one pass and the floor
/// sends the same requests with the same bodies; these pin both, from the requests as they went over the wire.
/// </summary>
public class EmulatorKillDataTests
{
    private const int TaskCount = EmulatorKillBenchmarks.TaskCount;

    private static readonly Lazy<Task<SdkKillRecording>> SdkPass = new(() => SdkKillRecording.RecordAsync(TaskCount, new TerminationOptions()));

    [Fact]
    public async Task Each_iteration_starts_from_a_running_Job_of_1000_listed_tasks_whose_kill_is_due()
    {
        await using var cluster = await KillDueCluster.StartAsync(TaskCount);

        var job = cluster.Emulator.Get<Job>(BenchmarkJobs.Namespace, BenchmarkTasks.JobName)!;
        Assert.True(job.Spec.KillTimestamp < cluster.Clock.GetCurrentInstant());
        Assert.Equal(JobPhase.Running, job.Status!.Phase);
        Assert.Equal(TaskCount, job.Status.Tasks!.Count);
        Assert.All(job.Status.Tasks, task => Assert.Null(task.DeletedStatus));
        Assert.Equal(TaskCount, cluster.Emulator.List<V1Pod>(BenchmarkJobs.Namespace).Count(pod => pod.Status.Phase == "Running"));
        Assert.Empty(cluster.Emulator.RequestLog);
    }

    [Fact]
    public async Task The_emulator_host_process_serves_a_fresh_cluster_for_every_seed()
    {
        using var host = EmulatorHostProcess.Start();
        var clock = new NodaTime.Testing.FakeClock(BenchmarkClock.Now);

        using (var first = await host.SeedAsync(TaskCount))
        {
            var killed = await JobReconciler.Create(first, clock).ReconcileAsync(BenchmarkJobs.Namespace, BenchmarkTasks.JobName, TestContext.Current.CancellationToken);
            Assert.Equal(TaskCount, killed.Deletions.Length);
        }

        using var second = await host.SeedAsync(TaskCount);
        var job = await new JobClient(second).GetAsync(BenchmarkJobs.Namespace, BenchmarkTasks.JobName, TestContext.Current.CancellationToken);
        Assert.Equal(JobPhase.Running, job.Status!.Phase);
        Assert.All(job.Status.Tasks!, task => Assert.Null(task.DeletedStatus));
        var again = await JobReconciler.Create(second, clock).ReconcileAsync(BenchmarkJobs.Namespace, BenchmarkTasks.JobName, TestContext.Current.CancellationToken);
        Assert.Equal(TaskCount, again.CountDeletions(TaskDeletionMode.Graceful, TaskDeletionOutcomeKind.Deleted));
    }

    [Fact]
    public async Task The_SDK_deletes_every_task_gracefully_with_its_tombstone_in_one_pass()
    {
        var result = (await SdkPass.Value).Result;

        Assert.False(result.NeedsRetry);
        Assert.Equal(TaskCount, result.CountDeletions(TaskDeletionMode.Graceful, TaskDeletionOutcomeKind.Deleted));
        Assert.Equal(TaskCount, result.Tombstones.Length);
        Assert.True(result.StatusWritten);
        Assert.Equal(JobPhase.Killing, result.Phase);
    }

    [Fact]
    public async Task The_floor_sends_the_SDKs_requests_with_the_same_bodies()
    {
        var sdk = (await SdkPass.Value).Requests;
        var floor = await FloorRequestsAsync(readAgain: true);

        Assert.Equal(Shape(sdk), Shape(floor));
        Assert.Equal(2_008, floor.Count);

        // Same Pods, each deleted with its UID as precondition and no grace period of its own.
        Assert.Equal(Bodies(sdk, "DELETE", withPath: true), Bodies(floor, "DELETE", withPath: true));
        Assert.All(floor.Where(r => r.Method == "DELETE"), r => Assert.Null(JsonNode.Parse(r.Body)!["gracePeriodSeconds"]));

        // Same Events, timestamps included (both take them from the frozen clock), and the same status bodies.
        Assert.Equal(Bodies(sdk, "POST"), Bodies(floor, "POST"));
        Assert.Equal(Bodies(sdk, "PUT"), Bodies(floor, "PUT"));
    }

    [Fact]
    public async Task Without_the_second_read_the_floor_sends_three_GETs_fewer_than_the_SDK()
    {
        var sdk = (await SdkPass.Value).Requests;
        var floor = await FloorRequestsAsync(readAgain: false);

        // The SDK reads the Job and lists its Pods (two pages) again after the deletes (JobReconciler, step 4).
        var firstEvent = sdk.ToList().FindIndex(r => r.Method == "POST");
        var secondRead = sdk.Select((request, at) => (request, at)).Where(r => r.at > firstEvent && r.request.Method == "GET").Select(r => r.at).ToHashSet();
        Assert.Equal(3, secondRead.Count);
        Assert.Equal(Shape(sdk.Where((_, at) => !secondRead.Contains(at))), Shape(floor));
        Assert.Equal(2_005, floor.Count);
    }

    [Fact]
    public async Task The_floor_leaves_the_Job_and_its_Pods_as_the_SDK_does()
    {
        var sdk = await SdkPass.Value;
        await using var cluster = await KillDueCluster.StartAsync(TaskCount);

        var deleted = await Floor(sdk).KillAsync(cluster.Client, BenchmarkJobs.Namespace, BenchmarkTasks.JobName, BenchmarkClock.Now.ToDateTimeUtc(), TestContext.Current.CancellationToken);

        Assert.Equal(TaskCount, deleted);
        var pods = cluster.Emulator.List<V1Pod>(BenchmarkJobs.Namespace);
        Assert.Equal(TaskCount, pods.Count);
        Assert.All(pods, pod => Assert.NotNull(pod.Metadata.DeletionTimestamp));
        Assert.Equal(TaskCount, cluster.Emulator.List<Corev1Event>(BenchmarkJobs.Namespace).Count);
        var job = cluster.Emulator.Get<Job>(BenchmarkJobs.Namespace, BenchmarkTasks.JobName)!;
        Assert.Equal(JobPhase.Killing, job.Status!.Phase);
        Assert.All(job.Status.Tasks!, task => Assert.Equal(TaskResult.Killed, task.DeletedStatus!.Result));
    }

    private static KillRequestFloor Floor(SdkKillRecording sdk, bool readAgain = true) =>
        new(sdk.StatusBodies[0], sdk.StatusBodies[^1], new TerminationOptions().MaxConcurrentDeletes, readAgain);

    private static async Task<IReadOnlyList<WireRequest>> FloorRequestsAsync(bool readAgain)
    {
        var sdk = await SdkPass.Value;
        using var recorder = new WireRecorder();
        await using var cluster = await KillDueCluster.StartAsync(TaskCount, recorder);
        await Floor(sdk, readAgain).KillAsync(cluster.Client, BenchmarkJobs.Namespace, BenchmarkTasks.JobName, BenchmarkClock.Now.ToDateTimeUtc(), TestContext.Current.CancellationToken);
        return recorder.Requests;
    }

    // What a request does and how big its body is: kind, query names, body bytes; counted.
    private static string[] Shape(IEnumerable<WireRequest> requests) =>
    [
        .. requests
            .GroupBy(r => $"{r.Kind} ?{QueryNames(r.Query)} {r.BodyBytes} B")
            .Select(g => $"{g.Count()} x {g.Key}")
            .Order(StringComparer.Ordinal),
    ];

    private static string QueryNames(string query) =>
        string.Join("&", query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal));

    private static string[] Bodies(IEnumerable<WireRequest> requests, string method, bool withPath = false) =>
        [.. requests.Where(r => r.Method == method).Select(r => withPath ? r.Path + " " + r.Body : r.Body).Order(StringComparer.Ordinal)];
}
