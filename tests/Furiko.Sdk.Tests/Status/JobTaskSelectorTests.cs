using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using k8s.Models;
using static Furiko.Sdk.Tests.Status.StatusFixtures;

namespace Furiko.Sdk.Tests.Status;

public class JobTaskSelectorTests
{
    private static V1Pod Pod(string name, string? labelUid, string? controllerUid, string ns = "default") => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = ns,
            Labels = labelUid is null ? null : new Dictionary<string, string> { [FurikoLabels.JobUid] = labelUid },
            OwnerReferences = controllerUid is null ? null : [new V1OwnerReference { Kind = "Job", Name = "x", Uid = controllerUid, Controller = true, ApiVersion = FurikoApi.GroupVersion }],
        },
    };

    [Fact]
    public void Labelled_pods_controlled_by_the_job_are_its_tasks()
    {
        var job = StartedJob();
        var mine = Pod("a", job.Metadata.Uid, job.Metadata.Uid);

        Assert.Equal([mine], JobTaskSelector.Select(job, [mine, Pod("b", job.Metadata.Uid, "someone-else"), Pod("c", "other", "other")]));
    }

    [Fact]
    public void Pods_named_in_the_status_are_taken_unless_someone_else_controls_them()
    {
        var job = StartedJob(tasks: [Stored(Running("named", At(0), At(1))), Stored(Running("stolen", At(0), At(1)))]);
        var named = Pod("named", null, null);
        var stolen = Pod("stolen", null, "replacement-owner");

        Assert.Equal([named], JobTaskSelector.Select(job, [named, stolen]));
    }

    [Fact]
    public void Pods_of_another_namespace_or_listed_twice_are_ignored()
    {
        var job = StartedJob();
        var mine = Pod("a", job.Metadata.Uid, job.Metadata.Uid);

        Assert.Equal([mine], JobTaskSelector.Select(job, [mine, mine, Pod("a", job.Metadata.Uid, job.Metadata.Uid, ns: "elsewhere")]));
    }
}
