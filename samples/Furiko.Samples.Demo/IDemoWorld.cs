using k8s;
using NodaTime;

namespace Furiko.Samples.Demo;

/// <summary>Where the demo runs: the cluster it talks to, its clock, and how time passes there.</summary>
internal interface IDemoWorld : IAsyncDisposable
{
    /// <summary>A client for the API server.</summary>
    IKubernetes Client { get; }

    /// <summary>The clock the SDK and the timeline read.</summary>
    IClock Clock { get; }

    /// <summary>Describes the world for the first line of the timeline.</summary>
    string Description { get; }

    /// <summary>The nodes to place the demo's three Pods on, in order.</summary>
    Task<IReadOnlyList<string>> PickNodesAsync(int count, CancellationToken cancellationToken);

    /// <summary>Makes a node stop responding; <see langword="false"/> when this world cannot (a real cluster).</summary>
    bool StopNode(string nodeName);

    /// <summary>Lets <paramref name="duration"/> of demo time pass.</summary>
    Task PassAsync(Duration duration, CancellationToken cancellationToken);
}
