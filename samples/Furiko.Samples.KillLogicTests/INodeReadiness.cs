namespace Furiko.Samples.KillLogicTests;

/// <summary>
/// What your controller knows about nodes, for example from a Node informer's cache. A lookup, not a call to
/// the API server: the termination planner is pure and must not wait on I/O.
/// </summary>
public interface INodeReadiness
{
    /// <summary>Whether the node's Ready condition is False or Unknown (the kubelet stopped reporting).</summary>
    /// <param name="nodeName">The node's name.</param>
    /// <returns><see langword="true"/> when the node is known to be NotReady.</returns>
    bool IsNotReady(string nodeName);
}
