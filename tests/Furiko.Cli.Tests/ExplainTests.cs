using Furiko.Sdk.Models;
using Furiko.Sdk.Testing.Emulator;
using k8s;
using NodaTime;

namespace Furiko.Cli.Tests;

/// <summary><c>furiko explain job</c>: the planner's "why" for a Job now, read-only.</summary>
public sealed class ExplainTests : IAsyncLifetime
{
    private CliHarness _cli = null!;

    public async ValueTask InitializeAsync() => _cli = await CliHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _cli.DisposeAsync();

    [Fact]
    public async Task A_scheduled_kill_shows_when_each_task_would_be_deleted_and_forced()
    {
        await SeedAsync(TestJobs.Running("job", tasks: 2, killAt: CliHarness.Start + Duration.FromMinutes(10)));

        var run = await _cli.RunAsync("explain", "job", "job");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        var expectedStart =
            """
            Job:             default/job
            Phase:           Running
            Now:             Tue, 09 Feb 2021 12:04:04 +08:00
            Kill:            scheduled at Tue, 09 Feb 2021 12:14:04 +08:00 (in 10m0s) (spec.killTimestamp)
            Force deletion:  a task still there 15m0s after its deletion timestamp is force-deleted
            New tasks:       will not be created (a kill time is set, or the Job is being deleted or failed admission)

            Live tasks:
            TASK          STATE     NODE     GRACEFUL DELETION                                                       FORCE DELETION
            job-task0-0   Running   node-a   at the kill time, grace period 30s                                      Tue, 09 Feb 2021 12:29:34 +08:00 (in 25m30s), at the earliest, if the task is still there
            job-task1-0   Killing   node-b   deleting, grace period ends Tue, 09 Feb 2021 12:04:34 +08:00 (in 30s)   Tue, 09 Feb 2021 12:19:34 +08:00 (in 15m30s), if the task is still there

            The planner now:
              Termination plan at 2021-02-09T04:04:04Z:
              - nothing to delete
              - new tasks may not be created
              - next look: KillTimestamp at 2021-02-09T04:14:04Z (in 10m0s)

            The planner at the kill time, if the tasks are as they are now:
              Termination plan at 2021-02-09T04:14:04Z:
              - kill the Job: KillTimestamp: deadline 2021-02-09T04:14:04Z reached at 2021-02-09T04:14:04Z
              - task job-task0-0: Graceful delete
            """;
        Assert.True(run.Out.StartsWith(expectedStart, StringComparison.Ordinal), run.Out);
        Assert.Contains("  - next look: ForceDeletionTimeout at 2021-02-09T04:19:34Z (in 5m30s)\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kill_that_is_due_deletes_unfinished_tasks_now()
    {
        await SeedAsync(TestJobs.Running("job", tasks: 1, killAt: CliHarness.Start - Duration.FromMinutes(1)), deleteSecond: false);

        var run = await _cli.RunAsync("explain", "job", "job");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Kill:            due since Tue, 09 Feb 2021 12:03:04 +08:00 (1m0s ago) (spec.killTimestamp): unfinished tasks are deleted gracefully\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("job-task0-0   Running   node-a   due now, grace period 30s   Tue, 09 Feb 2021 12:19:34 +08:00 (in 15m30s), at the earliest, if the task is still there\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("  - kill the Job: KillTimestamp: deadline 2021-02-09T04:03:04Z reached at 2021-02-09T04:04:04Z\n  - task job-task0-0: Graceful delete", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("The planner at the kill time", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_that_forbids_force_deletion_is_never_forced()
    {
        var job = TestJobs.Running("job", tasks: 2, killAt: CliHarness.Start + Duration.FromMinutes(10));
        job.Spec.Template!.ForbidTaskForceDeletion = true;
        await SeedAsync(job);

        var run = await _cli.RunAsync("explain", "job", "job");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Force deletion:  forbidden for this Job (spec.template.forbidTaskForceDeletion)\n", run.Out, StringComparison.Ordinal);
        Assert.Equal(2, CountOccurrences(run.Out, "never: forbidden by spec.template.forbidTaskForceDeletion\n"));
    }

    [Fact]
    public async Task A_force_delete_timeout_of_zero_disables_force_deletion()
    {
        await SeedAsync(TestJobs.Running("job", tasks: 2, killAt: CliHarness.Start + Duration.FromMinutes(10)));

        var run = await _cli.RunAsync("explain", "job", "job", "--force-delete-timeout", "0");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Force deletion:  disabled (--force-delete-timeout 0)\n", run.Out, StringComparison.Ordinal);
        Assert.Equal(2, CountOccurrences(run.Out, "never: force deletion is disabled\n"));
    }

    [Fact]
    public async Task A_shorter_force_delete_timeout_moves_the_force_time()
    {
        await SeedAsync(TestJobs.Running("job", tasks: 2, killAt: CliHarness.Start + Duration.FromMinutes(10)));

        var run = await _cli.RunAsync("explain", "job", "job", "--force-delete-timeout", "1m");

        Assert.Contains("Tue, 09 Feb 2021 12:05:34 +08:00 (in 1m30s), if the task is still there", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_without_a_kill_says_how_to_request_one()
    {
        await SeedAsync(TestJobs.Running("job"), deleteSecond: false);

        var run = await _cli.RunAsync("explain", "job", "job");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Kill:            not requested (set one with: furiko kill job)\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("job-task0-0   Running   node-a   none: the Job is not being killed   -\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("New tasks:       may be created\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_writes_nothing()
    {
        await SeedAsync(TestJobs.Running("job", tasks: 2, killAt: CliHarness.Start - Duration.FromMinutes(1)));
        _cli.Emulator.ClearRequestLog();

        await _cli.RunAsync("explain", "job", "job");

        Assert.All(_cli.Emulator.RequestLog, request => Assert.True(request.Verb is KubernetesVerb.Get or KubernetesVerb.List, request.ToString()));
        Assert.Null(_cli.GetJob("job")!.Status!.Tasks![0].DeletedStatus);
    }

    [Fact]
    public async Task Explain_of_a_missing_job_is_not_found()
    {
        var run = await _cli.RunAsync("explain", "job", "nope");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("error: job default/nope not found\n", run.Error);
    }

    [Fact]
    public async Task A_bad_timeout_is_a_usage_error()
    {
        var run = await _cli.RunAsync("explain", "job", "job", "--force-delete-timeout", "-5m");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: invalid value for --force-delete-timeout: -5m: it must be from 0 to 3153600000 seconds\n", run.Error);
    }

    // The Job with one running Pod per task; the second task's Pod is being deleted on a node that is down.
    private async Task SeedAsync(Job job, bool deleteSecond = true)
    {
        _cli.AddJob(job);
        var tasks = job.Status!.Tasks!;
        for (var i = 0; i < tasks.Count; i++)
        {
            _cli.Emulator.AddRunningPod("default", tasks[i].Name, i == 0 ? "node-a" : "node-b");
        }

        if (deleteSecond && tasks.Count > 1)
        {
            _cli.Emulator.MarkNodeDown("node-b");
            using var client = _cli.Emulator.CreateClient();
            await client.CoreV1.DeleteNamespacedPodAsync(tasks[1].Name, "default", cancellationToken: TestContext.Current.CancellationToken);
        }
    }

    private static int CountOccurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
