using k8s;
using NodaTime;

namespace Furiko.Samples.Demo;

/// <summary>
/// A real API server reached through a kubeconfig, on real time. Nodes cannot be stopped from here, so the story
/// has no stuck task: every Pod goes gracefully.
/// </summary>
internal sealed class ClusterWorld(IKubernetes client, IClock clock, string kubeconfig) : IDemoWorld
{
    public IKubernetes Client => client;

    public IClock Clock => clock;

    public string Description => $"the API server of {kubeconfig}, on real time";

    public async Task<IReadOnlyList<string>> PickNodesAsync(int count, CancellationToken cancellationToken)
    {
        var nodes = await client.CoreV1.ListNodeAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var ready = nodes.Items
            .Where(node => node.Spec?.Unschedulable != true)
            .Select(node => node.Metadata.Name)
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (ready.Length == 0)
        {
            throw new InvalidOperationException("The cluster has no schedulable node to run the demo's Pods on.");
        }

        return Enumerable.Range(0, count).Select(i => ready[i % ready.Length]).ToArray();
    }

    public bool StopNode(string nodeName) => false;

    public Task PassAsync(Duration duration, CancellationToken cancellationToken) =>
        Task.Delay(duration.ToTimeSpan(), cancellationToken);

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }
}
