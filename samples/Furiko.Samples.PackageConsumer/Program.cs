using Furiko.Sdk.Models;
using Furiko.Sdk.Serialization;
using Furiko.Sdk.Status;
using Furiko.Sdk.Termination.Planning;
using NodaTime;

// A user's program built against the Furiko.Sdk package: load a manifest, derive a status, plan a kill.
var now = Instant.FromUtc(2026, 1, 1, 9, 0);
var job = FurikoManifest.LoadSingle<Job>("""
    apiVersion: execution.furiko.io/v1alpha1
    kind: Job
    metadata: {name: nightly-report, namespace: default, uid: 7d4c5a}
    spec:
      killTimestamp: 2026-01-01T09:00:00Z
      template: {parallelism: {withCount: 2}, taskTemplate: {pod: {spec: {containers: [{name: main, image: busybox}]}}}}
    status: {phase: Running, state: Running, condition: {running: {}}, startTime: 2026-01-01T08:00:00Z, createdTasks: 0, runningTasks: 0}
    """);

ObservedTask Running(long index) => new()
{
    Name = TaskNames.For(job.Metadata.Name, new ParallelIndex { IndexNumber = index }, 0),
    Uid = $"pod-{index}",
    CreationTimestamp = now - Duration.FromMinutes(30),
    RunningTimestamp = now - Duration.FromMinutes(29),
    ParallelIndex = new ParallelIndex { IndexNumber = index },
    Status = new TaskRefStatus { State = TaskState.Running },
};

ObservedTask[] tasks = [Running(0), Running(1)];
job.Status = JobStatusDeriver.Derive(job, tasks, now);
var plan = TerminationPlanner.CreateDefault().Plan(job, tasks, now);

Console.WriteLine($"phase {job.Status.Phase}; {plan.Decisions.Length} task(s) to delete:");
foreach (var decision in plan.Decisions)
{
    Console.WriteLine($"  {decision}");
}

var expected = job.Status.Phase == JobPhase.Killing && plan.Decisions.Length == 2 && plan.Decisions[0].Task.Name == "nightly-report-gezdqo-0";
Console.WriteLine(expected ? "package works" : "UNEXPECTED RESULT");
return expected ? 0 : 1;
