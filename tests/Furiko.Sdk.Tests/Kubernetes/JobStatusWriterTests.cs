using System.Text.Json;
using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.Planning;
using k8s.Models;
using NodaTime;
using NodaTime.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace Furiko.Sdk.Tests.Kubernetes;

/// <summary>The status writer: tombstones ahead, the derived status after, conflicts resolved on the current Job.</summary>
public class JobStatusWriterTests
{
    private static readonly Instant T0 = Instant.FromUtc(2024, 5, 1, 12, 0, 0);
    private static readonly TombstoneWrite KillA = new("a", Tombstone.Killed, TombstoneWriteMode.Overwrite);

    private readonly IJobClient _jobs = Substitute.For<IJobClient>();
    private readonly IJobPodLookup _pods = Substitute.For<IJobPodLookup>();
    private readonly FakeClock _clock = new(T0);
    private readonly List<Job> _sent = [];

    public JobStatusWriterTests()
    {
        _jobs.ReplaceStatusAsync(Arg.Do<Job>(job => _sent.Add(job)), Arg.Any<CancellationToken>()).Returns(call => call.Arg<Job>());
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private JobStatusWriter Writer(int maxAttempts = 5) => new(_jobs, _pods, _clock, new JobStatusWriterOptions { MaxAttempts = maxAttempts });

    private static V1Pod PodA => new()
    {
        Metadata = new V1ObjectMeta { Name = "a", NamespaceProperty = "jobs", Uid = "pod-a", CreationTimestamp = T0.ToDateTimeUtc() },
        Status = new V1PodStatus { Phase = "Running" },
    };

    private static Job Job(string resourceVersion = "7", string uid = "job-uid", bool listsA = true) => new()
    {
        Metadata = new V1ObjectMeta { Name = "j", NamespaceProperty = "jobs", Uid = uid, ResourceVersion = resourceVersion },
        Spec = new JobSpec { Template = new JobTemplate() },
        Status = new JobStatus
        {
            StartTime = T0,
            Tasks = listsA ? [new TaskRef { Name = "a", CreationTimestamp = T0, Status = new TaskRefStatus { State = TaskState.Running } }] : null,
        },
    };

    private static FurikoApiConflictException Conflict() => new("update Job jobs/j failed: 409 Conflict");

    [Fact]
    public async Task Tombstones_are_written_into_the_given_status_conditional_on_its_resourceVersion()
    {
        await Writer().WriteTombstonesAsync(Job(), [KillA], Token);

        var sent = Assert.Single(_sent);
        Assert.Equal("7", sent.Metadata.ResourceVersion);
        Assert.Equal(TaskResult.Killed, sent.Status!.Tasks![0].DeletedStatus!.Result);
        await _pods.DidNotReceiveWithAnyArgs().ListJobPodsAsync(default!, Token);
    }

    [Fact]
    public async Task Nothing_is_sent_when_every_tombstone_is_stored_already()
    {
        var job = Job();
        job.Status!.Tasks![0].DeletedStatus = Tombstone.Killed.ToTaskRefStatus();

        await Writer().WriteTombstonesAsync(job, [KillA], Token);

        Assert.Empty(_sent);
    }

    [Fact]
    public async Task A_tombstone_for_a_task_the_status_does_not_list_is_refused_before_anything_is_sent()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await Writer().WriteTombstonesAsync(Job(listsA: false), [KillA], Token));

        Assert.Contains("task 'a' has a tombstone to write but no entry in status.tasks", error.Message, StringComparison.Ordinal);
        Assert.Empty(_sent);
    }

    [Fact]
    public async Task A_Job_without_resourceVersion_is_refused_since_the_write_could_not_be_conditional()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await Writer().WriteTombstonesAsync(Job(resourceVersion: ""), [KillA], Token));

        Assert.Contains("has no metadata.resourceVersion", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_conflict_the_tombstones_are_applied_to_the_Job_as_it_is_now_keeping_the_other_writer_s_change()
    {
        var fresh = Job(resourceVersion: "8", listsA: false);
        fresh.Status!.UnknownFields = new Dictionary<string, JsonElement> { ["auditedBy"] = JsonSerializer.SerializeToElement("auditor") };
        _jobs.GetAsync("jobs", "j", Arg.Any<CancellationToken>()).Returns(fresh);
        _pods.ListJobPodsAsync(fresh, Arg.Any<CancellationToken>()).Returns([PodA]);
        _jobs.ReplaceStatusAsync(Arg.Is<Job>(j => j.Metadata.ResourceVersion == "7"), Arg.Any<CancellationToken>()).Throws(Conflict());

        await Writer().WriteTombstonesAsync(Job(), [KillA], Token);

        Assert.Equal(2, _sent.Count);
        var retried = _sent[1];
        Assert.Equal("8", retried.Metadata.ResourceVersion);
        Assert.Equal(TaskResult.Killed, Assert.Single(retried.Status!.Tasks!).DeletedStatus!.Result);
        Assert.Equal("auditor", retried.Status.UnknownFields!["auditedBy"].GetString());
    }

    [Fact]
    public async Task A_Job_deleted_and_created_again_under_the_same_name_is_not_written()
    {
        _jobs.GetAsync("jobs", "j", Arg.Any<CancellationToken>()).Returns(Job(resourceVersion: "9", uid: "another-uid"));
        _jobs.ReplaceStatusAsync(Arg.Any<Job>(), Arg.Any<CancellationToken>()).Throws(Conflict());

        var error = await Assert.ThrowsAsync<FurikoApiNotFoundException>(async () => await Writer().WriteTombstonesAsync(Job(), [KillA], Token));

        Assert.Equal("Job", error.Failure.Kind);
        Assert.Contains("was deleted and created again (UID job-uid is now another-uid)", error.Message, StringComparison.Ordinal);
        await _jobs.Received(1).ReplaceStatusAsync(Arg.Any<Job>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Conflicts_on_every_attempt_allowed_give_up_saying_so()
    {
        _jobs.GetAsync("jobs", "j", Arg.Any<CancellationToken>()).Returns(_ => Job(resourceVersion: "8"));
        _pods.ListJobPodsAsync(Arg.Any<Job>(), Arg.Any<CancellationToken>()).Returns([PodA]);
        _jobs.ReplaceStatusAsync(Arg.Any<Job>(), Arg.Any<CancellationToken>()).Throws(Conflict());

        var error = await Assert.ThrowsAsync<FurikoApiConflictException>(async () => await Writer(maxAttempts: 2).WriteTombstonesAsync(Job(), [KillA], Token));

        Assert.EndsWith("(the Job kept changing: gave up after 2 attempts)", error.Message, StringComparison.Ordinal);
        await _jobs.Received(2).ReplaceStatusAsync(Arg.Any<Job>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task The_status_after_the_deletes_is_not_sent_when_it_equals_the_stored_one()
    {
        var tasks = new[] { PodTaskReader.Read(PodA) };
        var job = Job();
        job.Status = JobStatusDeriver.Derive(job, tasks, T0);

        var result = await Writer().WriteStatusAsync(job, tasks, [], T0, Token);

        Assert.False(result.Written);
        Assert.Equal(0, result.Attempts);
        Assert.Same(job, result.Job);
        Assert.Empty(_sent);
    }

    [Fact]
    public async Task The_status_after_the_deletes_is_derived_and_written_and_after_a_conflict_derived_again_on_the_current_Job()
    {
        var tasks = new[] { PodTaskReader.Read(PodA) };
        _jobs.GetAsync("jobs", "j", Arg.Any<CancellationToken>()).Returns(Job(resourceVersion: "8", listsA: false));
        _jobs.ReplaceStatusAsync(Arg.Is<Job>(j => j.Metadata.ResourceVersion == "7"), Arg.Any<CancellationToken>()).Throws(Conflict());

        var result = await Writer().WriteStatusAsync(Job(), tasks, [KillA], T0, Token);

        Assert.True(result.Written);
        Assert.Equal(2, result.Attempts);
        Assert.Equal("8", result.Job.Metadata.ResourceVersion);
        Assert.Equal(TaskResult.Killed, Assert.Single(result.Job.Status!.Tasks!).DeletedStatus!.Result);
    }

    [Fact]
    public async Task The_finalizer_is_removed_through_the_typed_client_only_when_the_Job_has_it()
    {
        var without = Job();
        var with = Job();
        with.Metadata.Finalizers = ["other", FurikoFinalizers.DeleteDependents];

        Assert.False(await Writer().RemoveFinalizerAsync(without, Token));
        Assert.True(await Writer().RemoveFinalizerAsync(with, Token));

        await _jobs.Received(1).RemoveFinalizerAsync("jobs", "j", FurikoFinalizers.DeleteDependents, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_Job_already_gone_counts_as_its_finalizer_removed()
    {
        var job = Job();
        job.Metadata.Finalizers = [FurikoFinalizers.DeleteDependents];
        _jobs.RemoveFinalizerAsync("jobs", "j", FurikoFinalizers.DeleteDependents, Arg.Any<CancellationToken>()).Throws(new FurikoApiNotFoundException("gone"));

        Assert.True(await Writer().RemoveFinalizerAsync(job, Token));
    }
}
