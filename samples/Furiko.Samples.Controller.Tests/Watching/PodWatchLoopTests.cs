using Furiko.Samples.Controller.Queue;
using Furiko.Samples.Controller.Tests.Integration;
using Furiko.Samples.Controller.Watching;
using Furiko.Sdk.Testing.Emulator;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Furiko.Samples.Controller.Tests.Watching;

/// <summary>The Pod watch against the emulator: it wakes Jobs, resumes where it was, and lists again only when it must.</summary>
public sealed class PodWatchLoopTests
{
    private const string Source = "pod-watch";
    private static readonly JobKey Nightly = new(TestCluster.Ns, "nightly");
    private static readonly ExponentialBackoff Backoff = new(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(10));

    private readonly ListLogger _log = new();

    private (WorkQueue<JobKey> Queue, Task Loop) Start(TestCluster cluster, CancellationToken stop)
    {
        var queue = new WorkQueue<JobKey>(TimeProvider.System, Backoff);
        var loop = new PodWatchLoop(cluster.CreateClient(Source), new JobCache(), queue, null, Backoff, TimeProvider.System, _log);
        return (queue, Task.Run(() => loop.RunAsync(stop), stop));
    }

    private static async Task TakeAsync(WorkQueue<JobKey> queue, JobKey expected)
    {
        var key = await queue.TakeAsync(TestCluster.Token).WaitAsync(TimeSpan.FromSeconds(10), TestCluster.Token);
        Assert.Equal(expected, key);
        queue.Done(key!);
    }

    // A watch request is logged when it arrives, a moment before the emulator subscribes it, so a close right after
    // the log shows it can miss it: close again until the loop has reconnected.
    private static Task<TimeSpan> CloseWatchesUntilAsync(TestCluster cluster, Func<bool> reconnected, string what) =>
        Eventually.WaitUntilAsync(
            () =>
            {
                if (reconnected())
                {
                    return true;
                }

                cluster.Emulator.CloseWatches();
                return false;
            },
            what);

    private static int Count(TestCluster cluster, string verb) => cluster.Journal.From(Source).Count(e => e.Attributes.Verb == verb && e.Attributes.Resource == "pods");

    [Fact]
    public async Task A_Pod_change_wakes_its_Job_and_a_closed_watch_resumes_from_where_it_was_without_listing_again()
    {
        using var cluster = new TestCluster();
        cluster.SeedJob("nightly", "node-a");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestCluster.Token);
        var (queue, loop) = Start(cluster, stop.Token);

        await TakeAsync(queue, Nightly); // from the first list
        await Eventually.WaitUntilAsync(() => Count(cluster, "watch") == 1, "the watch is open");

        await CloseWatchesUntilAsync(cluster, () => Count(cluster, "watch") == 2, "the watch is open again");
        using var client = cluster.CreateClient(TestCluster.TestSource);
        await client.CoreV1.DeleteNamespacedPodAsync(TestCluster.PodName("nightly", 0), TestCluster.Ns, cancellationToken: TestCluster.Token);

        await TakeAsync(queue, Nightly); // from the watch: the Pod is Terminating
        Assert.Equal(1, Count(cluster, "list"));
        var watches = cluster.Journal.From(Source).Where(e => e.Attributes.Verb == "watch").ToList();
        Assert.All(watches, w => Assert.Contains("resourceVersion=", w.Query, StringComparison.Ordinal));
        Assert.Contains("labelSelector=execution.furiko.io%2Fjob-uid", watches[0].Query, StringComparison.Ordinal);

        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(5), TestCluster.Token); // ends quietly
        Assert.DoesNotContain(_log.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task When_its_resourceVersion_is_too_old_the_watch_lists_again_and_wakes_the_Jobs_it_finds()
    {
        using var cluster = new TestCluster(watchHistoryLimit: 1);
        cluster.SeedJob("nightly", "node-a");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestCluster.Token);
        var (queue, loop) = Start(cluster, stop.Token);
        await TakeAsync(queue, Nightly);
        await Eventually.WaitUntilAsync(() => Count(cluster, "watch") == 1, "the watch is open");

        // The reconnection is held at the server while other changes push the history past its resourceVersion.
        var held = cluster.Emulator.InjectFault(new RequestMatch(KubernetesVerb.Watch, "pods"), EmulatorFault.Delay(TimeSpan.FromMilliseconds(300)));
        await CloseWatchesUntilAsync(cluster, () => held.HitCount == 1, "the reconnection is held");
        cluster.Emulator.AddNode("node-x");
        cluster.Emulator.AddNode("node-y");

        await TakeAsync(queue, Nightly); // from the second list
        Assert.Equal(2, Count(cluster, "list"));
        await Eventually.WaitUntilAsync(() => Count(cluster, "watch") == 3, "the watch is open from the new list");

        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(5), TestCluster.Token);
        Assert.DoesNotContain(_log.Entries, e => e.Level >= LogLevel.Warning); // 410 is routine, not a failure
        Assert.Contains(_log.Entries, e => e.Message.Contains("410 Gone", StringComparison.Ordinal));
    }
}
