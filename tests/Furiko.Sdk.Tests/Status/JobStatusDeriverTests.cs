using Furiko.Sdk.Models;
using Furiko.Sdk.Serialization;
using Furiko.Sdk.Status;
using static Furiko.Sdk.Tests.Status.StatusFixtures;

namespace Furiko.Sdk.Tests.Status;

public class JobStatusDeriverTests
{
    [Fact]
    public void A_kill_goes_running_then_killing_then_killed()
    {
        var job = StartedJob(parallelism: new ParallelismSpec { WithCount = 2 });
        var a = Running("a", At(0), At(1), Number(0));
        var b = Running("b", At(0), At(2), Number(1));

        var running = JobStatusDeriver.Derive(job, [a, b], At(10));
        Assert.Equal(JobPhase.Running, running.Phase);
        Assert.Equal(JobState.Running, running.State);
        Assert.Equal(2, running.RunningTasks);

        job.Status = running;
        job.Spec.KillTimestamp = At(20);
        foreach (var taskRef in job.Status.Tasks!)
        {
            taskRef.DeletedStatus = KilledTombstone();
        }

        var killing = JobStatusDeriver.Derive(job, [a with { DeletionTimestamp = At(50), Status = new TaskRefStatus { State = TaskState.Killing } }, b], At(20));
        Assert.Equal(JobPhase.Killing, killing.Phase);
        Assert.Equal(JobState.Waiting, killing.State);
        Assert.Equal("Waiting for 2 out of 2 task(s) to be deleted", killing.Condition.Waiting!.Message);

        job.Status = killing;
        var killed = JobStatusDeriver.Derive(job, [], At(40));
        Assert.Equal(JobPhase.Killed, killed.Phase);
        Assert.Equal(JobState.Finished, killed.State);
        Assert.Equal(JobResult.Killed, killed.Condition.Finished!.Result);
        Assert.Equal(At(40), killed.Condition.Finished.FinishTime);
        Assert.All(killed.Tasks!, t => Assert.Equal(TaskResult.Killed, t.Status.Result));
        Assert.Equal(0, killed.RunningTasks);
        Assert.Equal(2, killed.CreatedTasks);
    }

    [Fact]
    public void A_task_lost_without_tombstone_counts_as_a_failed_attempt()
    {
        var job = StartedJob(tasks: [Stored(Running("t", At(0), At(1)))]);

        var status = JobStatusDeriver.Derive(job, [], At(30));

        Assert.Equal(JobPhase.Failed, status.Phase);
        Assert.Equal(TaskState.DeletedFinalStateUnknown, status.Tasks![0].Status.State);
    }

    [Fact]
    public void A_pending_timeout_tombstone_with_attempts_left_leads_to_retry_backoff()
    {
        var tombstone = new TaskRefStatus { State = TaskState.Terminated, Result = TaskResult.Killed, Reason = "PendingTimeout", Message = "Task exceeded pending timeout of 15m0s" };
        var job = StartedJob(maxAttempts: 2, tasks: [Stored(Pending("t", At(0)), tombstone)]);

        var status = JobStatusDeriver.Derive(job, [], At(900));

        Assert.Equal(JobPhase.RetryBackoff, status.Phase);
        Assert.Equal("RetryBackoff", status.Condition.Waiting!.Reason);
    }

    [Fact]
    public void Parallel_status_is_written_only_for_parallel_jobs()
    {
        Assert.Null(JobStatusDeriver.Derive(StartedJob(), [Running("t", At(0), At(1))], At(5)).ParallelStatus);
        Assert.NotNull(JobStatusDeriver.Derive(StartedJob(parallelism: new ParallelismSpec { WithCount = 1 }), [Running("t", At(0), At(1), Number(0))], At(5)).ParallelStatus);
    }

    [Fact]
    public void Unknown_status_fields_and_start_time_are_carried_over_and_the_job_is_not_mutated()
    {
        var job = FurikoJson.Deserialize<Job>("""
            {"apiVersion":"execution.furiko.io/v1alpha1","kind":"Job","metadata":{"name":"j","uid":"u"},
             "spec":{"template":{"taskTemplate":{}}},
             "status":{"phase":"Running","state":"Running","condition":{"running":{}},"startTime":"2021-02-09T04:00:00Z",
                       "createdTasks":0,"runningTasks":0,"fromTheFuture":{"x":1}}}
            """);
        var before = FurikoJson.Serialize(job);

        var status = JobStatusDeriver.Derive(job, [Running("t", At(0), At(1))], At(5));

        Assert.Equal(before, FurikoJson.Serialize(job));
        Assert.Equal(T0, status.StartTime);
        Assert.Equal("""{"x":1}""", status.UnknownFields!["fromTheFuture"].GetRawText());
    }

    [Fact]
    public void Deriving_from_pods_reads_only_the_jobs_own_pods()
    {
        var job = StartedJob();
        var uid = job.Metadata.Uid;
        k8s.Models.V1Pod Pod(string name, string ownerUid, string phase) => new()
        {
            Metadata = new k8s.Models.V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = "default",
                CreationTimestamp = T0.ToDateTimeUtc(),
                Labels = new Dictionary<string, string> { [FurikoLabels.JobUid] = ownerUid },
                OwnerReferences = [new k8s.Models.V1OwnerReference { ApiVersion = FurikoApi.GroupVersion, Kind = "Job", Name = "my-job", Uid = ownerUid, Controller = true }],
            },
            Status = new k8s.Models.V1PodStatus { Phase = phase },
        };

        var status = JobStatusDeriver.DeriveFromPods(job, [Pod("my-job-gezdqo-0", uid, "Pending"), Pod("other-gezdqo-0", "other", "Running")], At(5));

        var taskRef = Assert.Single(status.Tasks!);
        Assert.Equal("my-job-gezdqo-0", taskRef.Name);
        Assert.Equal(JobPhase.Pending, status.Phase);
    }
}
