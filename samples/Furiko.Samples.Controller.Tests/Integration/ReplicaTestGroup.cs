namespace Furiko.Samples.Controller.Tests.Integration;

/// <summary>
/// The tests that run controller replicas: one at a time, because KubernetesClient's leader election runs on real time
/// with short leases, and a starved thread pool on a busy machine would look like a lost Lease.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReplicaTestGroup
{
    public const string Name = "Controller replicas";
}
