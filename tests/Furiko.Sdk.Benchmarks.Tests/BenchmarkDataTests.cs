using Furiko.Sdk.Benchmarks.Data;
using Furiko.Sdk.Benchmarks.Floors;
using Furiko.Sdk.Benchmarks.Planning;
using Furiko.Sdk.Benchmarks.Serialization;
using Furiko.Sdk.Benchmarks.Status;
using Furiko.Sdk.Models;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Benchmarks.Tests;

/// <summary>
/// Each benchmark measures what its name says only if its data is what it claims: these pin the claims (nothing
/// due, every task killed, a running 1,000-task Job, a list of 1,000 Jobs), so a change in the SDK's rules or in
/// the data cannot quietly turn a benchmark into a measurement of something else.
/// </summary>
public class BenchmarkDataTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(1_000)]
    public void The_nothing_due_pass_decides_nothing_and_schedules_nothing(int taskCount)
    {
        var benchmark = new TerminationPlannerBenchmarks { TaskCount = taskCount };
        benchmark.Setup();

        var plan = benchmark.PlanNothingDue();

        Assert.False(plan.HasDecisions);
        Assert.Null(plan.KillCause);
        Assert.Null(plan.WakeUp);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(1_000)]
    public void The_kill_due_pass_deletes_every_task_once(int taskCount)
    {
        var benchmark = new TerminationPlannerBenchmarks { TaskCount = taskCount };
        benchmark.Setup();

        var plan = benchmark.PlanKillDue();

        Assert.NotNull(plan.KillCause);
        Assert.Equal(taskCount, plan.Decisions.Select(decision => decision.Task.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(plan.Decisions, decision => Assert.Equal(Furiko.Sdk.Termination.Deletion.TaskDeletionMode.Graceful, decision.Deletion));
    }

    [Fact]
    public void Task_names_are_unique_even_where_Furikos_index_hashes_collide()
    {
        // Indexes 58 and 69 share the hash ge3dqm (FURIKO-SEMANTICS 7.10); the benchmark names do not use it.
        var tasks = BenchmarkTasks.Running(1_000);

        Assert.Equal(1_000, tasks.Select(task => task.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_floor_reads_every_task()
    {
        var tasks = BenchmarkTasks.Running(100);

        // One more running task changes the checksum: the floor does not stop early.
        Assert.NotEqual(TaskVisitFloor.Visit(tasks), TaskVisitFloor.Visit(BenchmarkTasks.Running(101)));
        Assert.Equal(TaskVisitFloor.Visit(tasks), TaskVisitFloor.Visit(BenchmarkTasks.Running(100)));
    }

    [Fact]
    public void Derivation_sees_a_running_Job_of_1000_tasks_and_the_Pods_say_the_same()
    {
        var benchmark = new JobStatusDerivationBenchmarks();
        benchmark.Setup();

        var fromTasks = benchmark.Derive();
        var fromPods = benchmark.DeriveFromPods();

        Assert.Equal(JobPhase.Running, fromTasks.Phase);
        Assert.Equal(JobStatusDerivationBenchmarks.TaskCount, fromTasks.CreatedTasks);
        Assert.Equal(JobStatusDerivationBenchmarks.TaskCount, fromTasks.RunningTasks);
        Assert.Equal(JobStatusDerivationBenchmarks.TaskCount, fromTasks.ParallelStatus!.Indexes.Count);

        // The Pods carry the same facts as the hand-built tasks, so both derivations agree field for field.
        Assert.Equal(FurikoJson.Serialize(fromTasks), FurikoJson.Serialize(fromPods));
    }

    [Fact]
    public void The_list_holds_1000_Jobs_with_status_and_tasks_and_both_readers_read_all_of_it()
    {
        var benchmark = new JobListLoadBenchmarks();
        benchmark.Setup();

        var list = benchmark.DeserializeJobList();

        Assert.Equal(JobListLoadBenchmarks.JobCount, benchmark.ParseJsonDocument());
        Assert.Equal(JobListLoadBenchmarks.JobCount, list.Items.Count);
        Assert.All(list.Items, job =>
        {
            Assert.Equal(JobPhase.Succeeded, job.Status!.Phase);
            Assert.NotEmpty(job.Status.Tasks!);
            Assert.NotNull(job.Spec.Template!.TaskTemplate.Pod);
        });
        Assert.Equal(1_200, list.Items.Sum(job => job.Status!.Tasks!.Count));
    }
}
