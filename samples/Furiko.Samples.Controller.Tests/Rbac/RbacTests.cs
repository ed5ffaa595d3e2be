using Furiko.Samples.Controller.Tests.Integration;
using Furiko.Sdk.KillRequests;
using Furiko.Sdk.Models;
using Furiko.Sdk.Testing.Emulator;
using k8s.Models;

namespace Furiko.Samples.Controller.Tests.Rbac;

/// <summary>
/// deploy/rbac.yaml against what the controller really does: the controller runs a whole story against the emulator
/// (a Job is reconciled, killed on request, its Pods deleted and gone, the Job Killed, then deleted and its finalizer
/// removed, and the replica shuts down and releases its Lease), and every request it made must be allowed, with no
/// rule left unused.
/// </summary>
[Collection(ReplicaTestGroup.Name)]
public sealed class RbacTests
{
    private static RbacPolicy ShippedPolicy()
    {
        var (ns, name) = DeployManifests.ServiceAccount;
        return RbacPolicy.ForServiceAccount(DeployManifests.RbacYaml, ns, name);
    }

    /// <summary>The requests of one full story, run once for all the tests of this class.</summary>
    private static readonly Lazy<Task<IReadOnlyList<ApiAttributes>>> StoryRequests = new(RunStoryAsync);

    private static async Task<IReadOnlyList<ApiAttributes>> RunStoryAsync()
    {
        using var cluster = new TestCluster();
        cluster.SeedJob("nightly", "node-a", "node-b");
        var replica = await ControllerReplica.StartAsync(cluster, "controller-0", settings: new Dictionary<string, string?>
        {
            // The namespace the Role grants the Lease in: the Deployment's.
            ["Controller:LeaderElection:LeaseNamespace"] = DeployManifests.ServiceAccount.Namespace,
        });
        await using (replica)
        {
            await Eventually.WaitUntilAsync(() => cluster.Job("nightly")?.Status?.Tasks?.Count == 2, "the controller wrote the Job's status");

            await cluster.Kills.RequestKillAsync(TestCluster.Ns, "nightly", KillRequest.Now, TestCluster.Token);
            await Eventually.WaitUntilAsync(() => cluster.Job("nightly")?.Status?.Phase == JobPhase.Killed, "the Job is Killed");
            await Eventually.WaitUntilAsync(() => cluster.Emulator.List<V1Pod>(TestCluster.Ns).Count == 0, "the Pods are gone");

            await cluster.Jobs.DeleteAsync(TestCluster.Ns, "nightly", cancellationToken: TestCluster.Token);
            await Eventually.WaitUntilAsync(() => cluster.Job("nightly") is null, "the finalizer is removed and the Job gone");
            await Eventually.WaitUntilAsync(
                () => cluster.Journal.From("controller-0").Count(e => e.IsLease && e.Attributes.Verb == "update") >= 2, "the Lease was renewed");
        }

        var lease = cluster.Lease(DeployManifests.ServiceAccount.Namespace, "furiko-sample-controller");
        Assert.Equal(string.Empty, lease?.Spec.HolderIdentity); // released on shutdown

        // The journal reads verbs and resources from URLs itself; they must agree with what the emulator logged.
        var answered = cluster.Journal.Entries.Where(e => e.StatusCode != 0).ToList();
        Assert.Equal(
            cluster.Emulator.RequestLog.Select(r => $"{r.Verb?.ToString().ToLowerInvariant()} {r.Resource}/{r.Subresource} {r.Namespace}/{r.Name}").Order(StringComparer.Ordinal),
            answered.Select(e => $"{e.Attributes.Verb} {e.Attributes.Resource}/{e.Attributes.Subresource} {e.Attributes.Namespace}/{e.Attributes.Name}").Order(StringComparer.Ordinal));
        return [.. cluster.Journal.From("controller-0").Select(e => e.Attributes)];
    }

    [Fact]
    public async Task The_shipped_RBAC_allows_every_request_of_a_whole_kill_story_and_grants_nothing_unused()
    {
        var requests = await StoryRequests.Value;

        Assert.Empty(ShippedPolicy().Check(requests));
        Assert.Contains(requests, r => r is { Verb: "delete", Resource: "pods" });
        Assert.Contains(requests, r => r is { Verb: "patch", Resource: "jobs" });
    }

    [Fact]
    public async Task A_policy_missing_a_verb_the_controller_needs_fails_and_names_the_refused_request()
    {
        var requests = await StoryRequests.Value;
        var (ns, name) = DeployManifests.ServiceAccount;
        var withoutDelete = DeployManifests.RbacYaml.Replace("verbs: [\"get\", \"list\", \"watch\", \"delete\"]", "verbs: [\"get\", \"list\", \"watch\"]", StringComparison.Ordinal);
        Assert.NotEqual(DeployManifests.RbacYaml, withoutDelete);

        var problems = RbacPolicy.ForServiceAccount(withoutDelete, ns, name).Check(requests);

        Assert.Equal(
            [
                $"not allowed: delete core/pods {TestCluster.PodName("nightly", 0)} in namespace {TestCluster.Ns}",
                $"not allowed: delete core/pods {TestCluster.PodName("nightly", 1)} in namespace {TestCluster.Ns}",
            ],
            problems);
    }

    [Fact]
    public async Task A_policy_granting_more_than_the_controller_uses_fails_and_names_the_unused_grant()
    {
        var requests = await StoryRequests.Value;
        var (ns, name) = DeployManifests.ServiceAccount;
        var tooMuch = DeployManifests.RbacYaml.Replace("verbs: [\"get\", \"list\", \"watch\", \"patch\"]", "verbs: [\"get\", \"list\", \"watch\", \"patch\", \"update\"]", StringComparison.Ordinal);
        var wildcard = DeployManifests.RbacYaml.Replace("verbs: [\"create\"]\n---", "verbs: [\"*\"]\n---", StringComparison.Ordinal);

        Assert.Equal(
            ["unused: update execution.furiko.io/jobs granted by ClusterRole furiko-sample-controller: [get,list,watch,patch,update] on [execution.furiko.io]/[jobs]"],
            RbacPolicy.ForServiceAccount(tooMuch, ns, name).Check(requests));
        Assert.Equal(
            ["wildcard in ClusterRole furiko-sample-controller: [*] on [core]/[events]"],
            RbacPolicy.ForServiceAccount(wildcard, ns, name).Check(requests));
    }

    [Fact]
    public async Task A_Lease_granted_in_another_namespace_or_under_another_name_does_not_count()
    {
        var requests = await StoryRequests.Value;
        var (ns, name) = DeployManifests.ServiceAccount;
        var otherNamespace = DeployManifests.RbacYaml.Replace("  namespace: furiko-sample\nrules:", "  namespace: default\nrules:", StringComparison.Ordinal);
        var otherName = DeployManifests.RbacYaml.Replace("resourceNames: [\"furiko-sample-controller\"]", "resourceNames: [\"another-lease\"]", StringComparison.Ordinal);
        Assert.NotEqual(DeployManifests.RbacYaml, otherNamespace);

        var wrongNamespace = RbacPolicy.ForServiceAccount(otherNamespace, ns, name).Check(requests);
        var wrongName = RbacPolicy.ForServiceAccount(otherName, ns, name).Check(requests);

        Assert.Contains($"not allowed: create coordination.k8s.io/leases in namespace {ns}", wrongNamespace);
        Assert.Contains($"not allowed: update coordination.k8s.io/leases furiko-sample-controller in namespace {ns}", wrongName);
        Assert.Contains("unused: get coordination.k8s.io/leases granted by Role furiko-sample-controller-leader-election in namespace furiko-sample: [get,update] on [coordination.k8s.io]/[leases] named [another-lease]", wrongName);
    }

    [Fact]
    public void The_Deployment_runs_two_replicas_as_the_bound_ServiceAccount_named_by_the_downward_API()
    {
        var deployment = DeployManifests.Deployment;
        var pod = deployment.Spec.Template.Spec;
        var container = Assert.Single(pod.Containers);
        var (ns, name) = DeployManifests.ServiceAccount;

        Assert.Equal(2, deployment.Spec.Replicas);
        Assert.Contains(k8s.KubernetesYaml.LoadAllFromString(DeployManifests.RbacYaml).OfType<V1ServiceAccount>(), sa => sa.Metadata.Name == name && sa.Metadata.NamespaceProperty == ns);
        Assert.Equal("metadata.name", container.Env.Single(e => e.Name == "POD_NAME").ValueFrom.FieldRef.FieldPath);
        Assert.Equal("metadata.namespace", container.Env.Single(e => e.Name == "POD_NAMESPACE").ValueFrom.FieldRef.FieldPath);
        Assert.NotNull(container.Resources.Requests);
        Assert.NotNull(container.Resources.Limits);

        // The kubelet must wait longer than the host drains, or a leader would be killed mid-pass.
        var settings = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(DeployManifests.AppSettingsPath))!;
        Assert.True(pod.TerminationGracePeriodSeconds > settings["shutdownTimeoutSeconds"]!.GetValue<int>());
    }
}
