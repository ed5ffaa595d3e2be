using CsCheck;
using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.Deletion;
using Furiko.Sdk.Termination.Planning;
using NodaTime;

namespace Furiko.Sdk.Tests.Termination.Planning;

/// <summary>Properties of the planner over generated Jobs and tasks, and over simulated sequences of passes.</summary>
public class TerminationPlannerPropertyTests
{
    private const int Iterations = 10_000;

    private static readonly Gen<TaskScenario> TaskGen = Gen.Select(
        Gen.Long[0, 3000],
        Gen.Bool,
        Gen.Int[0, 3],
        Gen.Long[-60, 3000],
        Gen.Int[0, 4],
        Gen.Bool,
        (createdAgo, running, finishedDie, deletingAgo, deletingDie, deadNode) => new TaskScenario(
            createdAgo,
            running,
            Finished: finishedDie == 0,
            DeletingAgo: deletingDie <= 1 ? deletingAgo : null,
            ForceDeleted: deletingDie == 0,
            deadNode));

    private static readonly Gen<TerminationScenario> ScenarioGen = Gen.Select(
        Gen.OneOf(0L, 1L, 60L, 900L, 2000L),
        Gen.OneOf(0L, 60L, 900L, 2000L),
        Gen.OneOf<long?>(null, -5L, 0L, 30L, 900L),
        Gen.OneOf<bool?>(null, false, true),
        Gen.OneOf<long?>(null, -3000L, -1L, 0L, 1L, 500L, 5000L),
        Gen.Int[0, 4],
        Gen.Int[0, 5],
        TaskGen.Array[0, 6],
        (force, pending, jobPending, forbid, killIn, parallel, deletionDie, tasks) => new TerminationScenario(
            force, pending, jobPending, forbid, killIn, parallel, JobDeleting: deletionDie <= 1, Finalizer: deletionDie != 1, tasks));

    [Fact]
    public void Never_forces_before_the_deadline_nor_when_forbidden_or_disabled()
    {
        ScenarioGen.Sample(
            scenario =>
            {
                var tasks = scenario.BuildTasks();
                var plan = scenario.Planner().Plan(scenario.BuildJob(), tasks, TerminationScenario.Now);
                foreach (var decision in plan.Decisions.Where(decision => decision.Deletion == TaskDeletionMode.Force))
                {
                    Assert.True(scenario.ForceTimeout > 0, "forced while disabled");
                    Assert.NotEqual(true, scenario.Forbid);
                    Assert.NotEqual(0, decision.Task.DeletionGracePeriodSeconds);
                    Assert.True(decision.Task.DeletionTimestamp!.Value + Duration.FromSeconds(scenario.ForceTimeout) <= TerminationScenario.Now, "forced before the deadline");
                }
            },
            iter: Iterations,
            print: scenario => scenario.ToString());
    }

    [Fact]
    public void Requeue_is_at_least_one_second_and_is_the_earliest_deadline()
    {
        ScenarioGen.Sample(
            scenario =>
            {
                var plan = scenario.Planner().Plan(scenario.BuildJob(), scenario.BuildTasks(), TerminationScenario.Now);
                var expected = scenario.ExpectedWakeUp();
                Assert.Equal(expected, plan.WakeUp?.At);
                if (expected is { } at)
                {
                    var wait = at - TerminationScenario.Now;
                    Assert.Equal(wait < Duration.FromSeconds(1) ? Duration.FromSeconds(1) : wait, plan.RequeueAfter);
                    Assert.True(plan.RequeueAfter >= Duration.FromSeconds(1));
                }
            },
            iter: Iterations,
            print: scenario => scenario.ToString());
    }

    [Fact]
    public void Finished_tasks_are_never_deleted_unless_already_deleting_or_the_Job_is_deleted()
    {
        ScenarioGen.Sample(
            scenario =>
            {
                var plan = scenario.Planner().Plan(scenario.BuildJob(), scenario.BuildTasks(), TerminationScenario.Now);
                var jobDeletionPath = scenario.JobDeleting && scenario.Finalizer;
                foreach (var decision in plan.Decisions.Where(decision => decision.Task.IsFinished && decision.Deletion is not null))
                {
                    Assert.True(decision.Task.IsDeleting || jobDeletionPath, $"finished task {decision.Task.Name} deleted");
                    Assert.True(decision.Deletion == TaskDeletionMode.Force || jobDeletionPath);
                }
            },
            iter: Iterations,
            print: scenario => scenario.ToString());
    }

    [Fact]
    public void At_most_one_decision_per_task_and_never_a_graceful_delete_of_a_deleting_Pod()
    {
        ScenarioGen.Sample(
            scenario =>
            {
                var plan = scenario.Planner().Plan(scenario.BuildJob(), scenario.BuildTasks(), TerminationScenario.Now);
                Assert.Equal(plan.Decisions.Length, plan.Decisions.Select(decision => decision.Task.Name).Distinct().Count());
                Assert.DoesNotContain(plan.Decisions, decision => decision.Task.IsDeleting && decision.Deletion == TaskDeletionMode.Graceful);
            },
            iter: Iterations,
            print: scenario => scenario.ToString());
    }

    [Fact]
    public void Across_passes_a_due_kill_deletes_each_unfinished_task_gracefully_exactly_once_and_forces_at_most_once()
    {
        ScenarioGen.Where(scenario => !scenario.JobDeleting).Sample(
            scenario =>
            {
                var world = new SimulatedWorld(scenario);
                var killDue = (scenario.KillAt is { } kill && kill <= TerminationScenario.Now) || scenario.ParallelKills;
                var initial = scenario.BuildTasks();
                world.Run(passes: 12);

                foreach (var task in initial)
                {
                    var graceful = world.Count(task.Uid, TaskDeletionMode.Graceful);
                    var forced = world.Count(task.Uid, TaskDeletionMode.Force);
                    Assert.InRange(graceful, 0, 1);
                    Assert.InRange(forced, 0, 1);
                    if (task.IsDeleting)
                    {
                        Assert.Equal(0, graceful);
                    }
                    else if (task.IsFinished)
                    {
                        Assert.Equal(0, graceful + forced);
                    }
                    else if (killDue)
                    {
                        Assert.Equal(1, graceful);
                        Assert.Equal(0, world.FirstGracefulPass(task.Uid));
                        var tombstone = world.Job.Status!.Tasks!.Single(taskRef => taskRef.Name == task.Name).DeletedStatus!;
                        Assert.Equal((TaskState.Terminated, (TaskResult?)TaskResult.Killed), (tombstone.State, tombstone.Result));
                    }
                }

                // Liveness: with force deletion allowed, nothing stays stuck on a dead node.
                if (scenario.ForceTimeout > 0 && scenario.Forbid != true)
                {
                    Assert.All(world.Live, task => Assert.True(!task.IsDeleting || task.DeletionGracePeriodSeconds == 0, $"{task.Name} still stuck"));
                }
            },
            iter: Iterations,
            print: scenario => scenario.ToString());
    }

    /// <summary>
    /// A tiny model of the API server and kubelets: a graceful delete gives the Pod a deletionTimestamp of now + 30 s;
    /// a healthy node removes it at that time, a dead node never does; a force delete removes it, unless it was
    /// already held (force-deleted) by a finalizer. Passes run at each wake-up, or a minute later without one.
    /// </summary>
    private sealed class SimulatedWorld
    {
        private readonly TerminationPlanner _planner;
        private readonly Dictionary<(string Uid, TaskDeletionMode Mode), int> _deletes = [];
        private readonly Dictionary<string, int> _firstGraceful = [];
        private Instant _now = TerminationScenario.Now;

        public SimulatedWorld(TerminationScenario scenario)
        {
            _planner = scenario.Planner();
            Job = scenario.BuildJob();
            Live = scenario.BuildTasks();
        }

        public Job Job { get; }

        public List<ObservedTask> Live { get; private set; }

        public int Count(string uid, TaskDeletionMode mode) => _deletes.GetValueOrDefault((uid, mode));

        public int FirstGracefulPass(string uid) => _firstGraceful[uid];

        public void Run(int passes)
        {
            for (var pass = 0; pass < passes; pass++)
            {
                var plan = _planner.Plan(Job, Live, _now);
                foreach (var decision in plan.Decisions)
                {
                    if (decision.Tombstone is { } write)
                    {
                        var taskRef = Job.Status!.Tasks!.Single(candidate => candidate.Name == write.TaskName);
                        taskRef.DeletedStatus = write.Apply(taskRef.DeletedStatus);
                    }

                    if (decision.Deletion is { } mode)
                    {
                        Delete(decision.Task, mode, pass);
                    }
                }

                _now += plan.RequeueAfter ?? Duration.FromMinutes(1);
                Live = [.. Live.Where(task => !(task.IsDeleting && task.DeletionGracePeriodSeconds != 0 && task.NodeName != "dead" && task.DeletionTimestamp <= _now))];
            }
        }

        private void Delete(ObservedTask task, TaskDeletionMode mode, int pass)
        {
            _deletes[(task.Uid, mode)] = Count(task.Uid, mode) + 1;
            var index = Live.FindIndex(candidate => candidate.Uid == task.Uid);
            if (mode == TaskDeletionMode.Force)
            {
                Live.RemoveAt(index);
                return;
            }

            _firstGraceful.TryAdd(task.Uid, pass);
            Live[index] = task with { DeletionTimestamp = _now + Duration.FromSeconds(30), DeletionGracePeriodSeconds = 30 };
        }
    }
}
