using Furiko.Sdk.Status;
using static Furiko.Sdk.Tests.Termination.TerminationFixtures;

namespace Furiko.Sdk.Tests.Termination.Planning;

/// <summary>The planner runs on every reconcile of every Job: a pass that decides nothing must not allocate.</summary>
public class TerminationPlannerAllocationTests
{
    [Fact]
    public void A_pass_where_nothing_is_due_allocates_nothing()
    {
        var planner = Planner();
        var job = NewJob().Parallel(Furiko.Sdk.Models.ParallelCompletionStrategy.AllSuccessful, complete: false, successful: null);
        job.Metadata.Annotations = new Dictionary<string, string> { ["team"] = "payments" };
        job.Spec.KillTimestamp = At(10_000);
        var tasks = new List<ObservedTask>
        {
            Running("running", At(0)),
            Pending("pending", At(100)),
            Finished("finished", At(0), At(50)),
            Running("deleting", At(0)).DeletingAt(At(200)),
            Running("forced", At(0)).ForceDeletedAt(At(150)),
        };
        var now = At(300);

        // Warm up: JIT, static initialisers and caches.
        for (var i = 0; i < 3; i++)
        {
            planner.Plan(job, tasks, now);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var plan = planner.Plan(job, tasks, now);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.False(plan.HasDecisions);
        Assert.NotNull(plan.WakeUp);
        Assert.Equal(0, allocated);
    }
}
