using Furiko.Samples.Controller.Watching;
using Furiko.Sdk;
using Furiko.Sdk.Models;
using k8s.Models;

namespace Furiko.Samples.Controller.Tests.Watching;

public sealed class PodOwnershipTests
{
    private readonly JobCache _cache = new();

    private static V1Pod Pod(string ns, IDictionary<string, string>? labels = null, params V1OwnerReference[] owners) => new()
    {
        Metadata = new V1ObjectMeta { Name = "nightly-gezdqo-0", NamespaceProperty = ns, Labels = labels, OwnerReferences = owners },
    };

    private static V1OwnerReference Owner(string apiVersion, string kind, string name, bool controller = true) =>
        new() { ApiVersion = apiVersion, Kind = kind, Name = name, Uid = "uid-" + name, Controller = controller };

    private static Job Job(string ns, string name, string uid) =>
        new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Uid = uid, ResourceVersion = "1" } };

    [Fact]
    public void A_Pod_controlled_by_a_Furiko_Job_maps_to_that_Job_in_its_namespace_even_before_the_Job_is_cached()
    {
        var pod = Pod("jobs", owners: Owner(FurikoApi.GroupVersion, FurikoApi.JobKind, "nightly"));

        Assert.Equal(new JobKey("jobs", "nightly"), PodOwnership.JobOf(pod, _cache));
    }

    [Fact]
    public void A_Pod_with_only_the_job_uid_label_maps_to_the_cached_Job_with_that_UID()
    {
        _cache.Put(Job("jobs", "nightly", "uid-1"));
        var pod = Pod("jobs", new Dictionary<string, string> { [FurikoLabels.JobUid] = "uid-1" });

        Assert.Equal(new JobKey("jobs", "nightly"), PodOwnership.JobOf(pod, _cache));
    }

    [Fact]
    public void A_label_naming_a_Job_not_cached_or_in_another_namespace_maps_to_nothing()
    {
        _cache.Put(Job("other", "nightly", "uid-1"));

        Assert.Null(PodOwnership.JobOf(Pod("jobs", new Dictionary<string, string> { [FurikoLabels.JobUid] = "uid-1" }), _cache));
        Assert.Null(PodOwnership.JobOf(Pod("jobs", new Dictionary<string, string> { [FurikoLabels.JobUid] = "uid-unknown" }), _cache));
    }

    [Fact]
    public void Owners_that_are_not_the_controlling_Furiko_Job_are_ignored()
    {
        Assert.Null(PodOwnership.JobOf(Pod("jobs", owners: Owner("batch/v1", "Job", "nightly")), _cache));
        Assert.Null(PodOwnership.JobOf(Pod("jobs", owners: Owner(FurikoApi.GroupVersion, FurikoApi.JobKind, "nightly", controller: false)), _cache));
        Assert.Null(PodOwnership.JobOf(Pod("jobs", owners: Owner(FurikoApi.GroupVersion, "JobConfig", "nightly")), _cache));
        Assert.Null(PodOwnership.JobOf(new V1Pod(), _cache));
    }

    [Fact]
    public void A_Job_replaced_under_the_same_name_no_longer_claims_Pods_of_the_old_UID()
    {
        _cache.Put(Job("jobs", "nightly", "uid-old"));
        _cache.Put(Job("jobs", "nightly", "uid-new"));

        Assert.Null(PodOwnership.JobOf(Pod("jobs", new Dictionary<string, string> { [FurikoLabels.JobUid] = "uid-old" }), _cache));
        Assert.Equal(new JobKey("jobs", "nightly"), PodOwnership.JobOf(Pod("jobs", new Dictionary<string, string> { [FurikoLabels.JobUid] = "uid-new" }), _cache));
    }

    [Fact]
    public void Removing_a_Job_drops_it_and_its_UID_but_not_a_newer_Job_of_the_same_name()
    {
        var old = Job("jobs", "nightly", "uid-old");
        _cache.Put(old);
        _cache.Put(Job("jobs", "nightly", "uid-new"));

        _cache.Remove(old);

        Assert.True(_cache.TryGet(new JobKey("jobs", "nightly"), out var kept));
        Assert.Equal("uid-new", kept.Metadata.Uid);
        _cache.Remove(kept);
        Assert.False(_cache.TryGet(new JobKey("jobs", "nightly"), out _));
        Assert.Null(_cache.KeyOfUid("uid-new"));
    }
}
