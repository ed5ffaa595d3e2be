using CsCheck;
using Furiko.Sdk.Models;
using Furiko.Sdk.Serialization;
using Furiko.Sdk.Status;
using NodaTime;
using static Furiko.Sdk.Tests.Status.StatusFixtures;

namespace Furiko.Sdk.Tests.Status;

public class JobStatusDeriverProperties
{
    private const long Iterations = 3_000;

    /// <summary>A generated world: a Job and the live tasks seen for it at <see cref="Now"/>.</summary>
    public sealed record Scenario(Job Job, ObservedTask[] Live, Instant Now)
    {
        public override string ToString() => $"{FurikoJson.Serialize(Job)} live=[{string.Join(", ", Live.Select(t => $"{t.Name}:{t.Status.State}/{t.Status.Result}"))}] now={Now}";
    }

    private static readonly Gen<ObservedTask> TaskGen =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 5], Gen.Int[0, 60], Gen.Int[1, 60], Gen.Int[0, 2])
            .Select((index, kind, created, duration, retry) =>
            {
                var name = $"job-i{index}-{retry}";
                var started = At(created + duration);
                var finished = At(created + (2 * duration));
                return kind switch
                {
                    0 => Pending(name, At(created), Number(index), retry),
                    1 => Running(name, At(created), started, Number(index), retry),
                    2 => Killing(name, At(created), started, finished, Number(index)) with { RetryIndex = retry },
                    3 => Finished(name, At(created), started, finished, TaskResult.Succeeded, Number(index), retry),
                    4 => Finished(name, At(created), started, finished, TaskResult.Failed, Number(index), retry),
                    _ => Finished(name, At(created), started, finished, "OOMKilledOrSomethingNew", Number(index), retry),
                };
            });

    private static readonly Gen<Scenario> ScenarioGen =
        Gen.Select(
            Gen.Int[0, 4],           // 0 = no parallelism, else withCount
            Gen.Bool,                // AnySuccessful?
            Gen.Int[1, 3],           // maxAttempts
            Gen.Int[-1, 300],        // kill time offset (-1 = none)
            Gen.Int[0, 6],           // 0 = being deleted, 1 = queued, else started
            TaskGen.Array[0, 6],
            Gen.Int[0, 300])
            .Select((count, any, attempts, kill, lifecycle, tasks, now) =>
            {
                var parallelism = count == 0 ? null : new ParallelismSpec
                {
                    WithCount = count,
                    CompletionStrategy = any ? ParallelCompletionStrategy.AnySuccessful : ParallelCompletionStrategy.AllSuccessful,
                };
                var live = tasks.DistinctBy(t => t.Name)
                    .Where(t => count == 0 ? t.ParallelIndex!.IndexNumber == 0 : t.ParallelIndex!.IndexNumber < count)
                    .ToArray();

                // Some previously known tasks are gone now; half of them left a tombstone.
                var stored = live.Select((t, i) => Stored(t, i % 3 == 0 ? KilledTombstone() : null)).ToList();
                var lost = live.Where((_, i) => i % 2 == 1).Select(t => t.Name).ToHashSet();
                var job = StartedJob(parallelism: parallelism, maxAttempts: attempts, killTimestamp: kill < 0 ? null : At(kill), tasks: stored);
                if (lifecycle == 0)
                {
                    job.Metadata.DeletionTimestamp = At(now).ToDateTimeUtc();
                }
                else if (lifecycle == 1)
                {
                    job.Status!.StartTime = null;
                }

                return new Scenario(job, live.Where(t => !lost.Contains(t.Name)).ToArray(), At(now + 120));
            });

    [Fact]
    public void State_is_always_the_function_of_the_condition_and_terminal_phases_come_only_with_finished() =>
        ScenarioGen.Sample(
            scenario =>
            {
                var status = JobStatusDeriver.Derive(scenario.Job, scenario.Live, scenario.Now);
                var c = status.Condition;
                var set = (c.Queueing is null ? 0 : 1) + (c.Waiting is null ? 0 : 1) + (c.Running is null ? 0 : 1) + (c.Finished is null ? 0 : 1);
                var expected = c.Finished is not null ? JobState.Finished
                    : c.Running is not null ? JobState.Running
                    : c.Waiting is not null ? JobState.Waiting
                    : JobState.Queued;
                return set == 1 && status.State == expected && status.Phase.IsTerminal == (status.State == JobState.Finished);
            },
            iter: Iterations);

    [Fact]
    public void A_job_whose_kill_time_passed_never_reports_success_while_tasks_are_still_terminating() =>
        ScenarioGen.Where(s => s.Job.Spec.KillTimestamp <= s.Now && s.Job.Metadata.DeletionTimestamp is null && s.Job.Status!.StartTime is not null)
            .Sample(
                scenario =>
                {
                    var status = JobStatusDeriver.Derive(scenario.Job, scenario.Live, scenario.Now);
                    var stillTerminating = scenario.Live.Any(t => t.FinishTimestamp is null);
                    return !(stillTerminating && (status.Phase == JobPhase.Succeeded || status.Phase == JobPhase.Killed))
                        && (status.Phase == JobPhase.Killing || status.Phase == JobPhase.Killed);
                },
                iter: Iterations);

    [Fact]
    public void Derivation_is_deterministic_and_does_not_depend_on_the_order_of_the_pods() =>
        Gen.Select(ScenarioGen, Gen.Int).Sample(
            (scenario, seed) =>
            {
                var shuffled = scenario.Live.ToArray();
                new Random(seed).Shuffle(shuffled);
                var first = FurikoJson.Serialize(JobStatusDeriver.Derive(scenario.Job, scenario.Live, scenario.Now));
                var again = FurikoJson.Serialize(JobStatusDeriver.Derive(scenario.Job, shuffled, scenario.Now));
                return first == again;
            },
            iter: Iterations);
}
