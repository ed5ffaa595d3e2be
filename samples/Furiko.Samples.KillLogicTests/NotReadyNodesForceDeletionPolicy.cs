using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using Furiko.Sdk.Termination.ForceDeletion;
using NodaTime;

namespace Furiko.Samples.KillLogicTests;

/// <summary>
/// Your own force-deletion policy: keep Furiko's timeout and its forbidTaskForceDeletion rule (by asking the
/// default policy first), but force a Pod only when its node is marked NotReady. On a healthy node the kubelet
/// finishes the deletion itself, so forcing could only let two copies of a task run at once.
/// </summary>
public sealed class NotReadyNodesForceDeletionPolicy(IForceDeletionPolicy timeout, INodeReadiness nodes) : IForceDeletionPolicy
{
    public ForceDeletionDecision Evaluate(Job job, ObservedTask task, Instant now)
    {
        var decision = timeout.Evaluate(job, task, now);
        if (!decision.ForceNow)
        {
            return decision;
        }

        if (task.NodeName is { } node && nodes.IsNotReady(node))
        {
            return decision;
        }

        // The timeout has passed but the node looks healthy: wait for the next event (a Node status change) rather
        // than a time.
        return ForceDeletionDecision.NotYet(null);
    }
}
