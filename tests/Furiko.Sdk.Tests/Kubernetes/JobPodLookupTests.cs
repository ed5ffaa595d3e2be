using System.Net;
using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Models;
using k8s;
using k8s.Autorest;
using k8s.Models;
using NSubstitute;

namespace Furiko.Sdk.Tests.Kubernetes;

/// <summary>Finding a Job's task Pods: the UID label query plus the Pods named in its status.</summary>
public class JobPodLookupTests
{
    private const string Selector = "execution.furiko.io/job-uid=uid-1";

    private readonly IKubernetes _kubernetes = Substitute.For<IKubernetes>();
    private readonly ICoreV1Operations _core = Substitute.For<ICoreV1Operations>();
    private readonly JobPodLookup _lookup;

    public JobPodLookupTests()
    {
        _kubernetes.CoreV1.Returns(_core);
        _lookup = new JobPodLookup(_kubernetes, ClientFactory.NoWait(), TimeProvider.System);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Job JobWithTasks(params string[] taskNames) =>
        new()
        {
            Metadata = new V1ObjectMeta { Name = "my-job", NamespaceProperty = "default", Uid = "uid-1" },
            Status = new JobStatus { Tasks = [.. taskNames.Select(n => new TaskRef { Name = n })] },
        };

    private static V1Pod Pod(string name, string? controllerUid, bool labelled = true) =>
        new()
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = "default",
                Labels = labelled ? new Dictionary<string, string> { [FurikoLabels.JobUid] = "uid-1" } : null,
                OwnerReferences = controllerUid is null
                    ? null
                    : [new V1OwnerReference { ApiVersion = "execution.furiko.io/v1alpha1", Kind = "Job", Name = "my-job", Uid = controllerUid, Controller = true }],
            },
        };

    private void ListReturns(string? continueToken, V1PodList page) =>
        _core.ListNamespacedPodWithHttpMessagesAsync(
                "default", Arg.Any<bool?>(), continueToken, Arg.Any<string>(), Selector, 500, Arg.Any<string>(), Arg.Any<string>(),
                Arg.Any<bool?>(), Arg.Any<string>(), Arg.Any<int?>(), Arg.Any<bool?>(), Arg.Any<bool?>(),
                Arg.Any<IReadOnlyDictionary<string, IReadOnlyList<string>>>(), Arg.Any<CancellationToken>())
            .Returns(new HttpOperationResponse<V1PodList> { Body = page });

    private void ReadReturns(string name, V1Pod? pod)
    {
        var call = _core.ReadNamespacedPodWithHttpMessagesAsync(
            name, "default", Arg.Any<bool?>(), Arg.Any<IReadOnlyDictionary<string, IReadOnlyList<string>>>(), Arg.Any<CancellationToken>());
        if (pod is null)
        {
            call.Returns(Task.FromException<HttpOperationResponse<V1Pod>>(
                SubstitutedKubernetesTests.Failure(HttpStatusCode.NotFound, $$"""{"kind":"Status","code":404,"reason":"NotFound","message":"pods \"{{name}}\" not found"}""")));
        }
        else
        {
            call.Returns(new HttpOperationResponse<V1Pod> { Body = pod });
        }
    }

    [Fact]
    public async Task Labelled_pods_come_from_every_page_then_named_pods_the_query_missed_and_gone_ones_are_left_out()
    {
        var labelled = Pod("my-job-gezdqo-0", "uid-1");
        var stranger = Pod("someone-else", "uid-other");
        var relabelled = Pod("my-job-gi3dgn-0", null, labelled: false);
        ListReturns(null, new V1PodList { Items = [labelled], Metadata = new V1ListMeta { ContinueProperty = "page-2" } });
        ListReturns("page-2", new V1PodList { Items = [stranger], Metadata = new V1ListMeta() });
        ReadReturns("my-job-gi3dgn-0", relabelled);
        ReadReturns("my-job-geytio-0", null);
        var job = JobWithTasks("my-job-gezdqo-0", "my-job-gi3dgn-0", "my-job-geytio-0");

        var candidates = await _lookup.ListCandidatePodsAsync(job, Token);
        var own = await _lookup.ListJobPodsAsync(job, Token);

        Assert.Equal(["my-job-gezdqo-0", "someone-else", "my-job-gi3dgn-0"], candidates.Select(p => p.Metadata.Name));
        Assert.Equal(["my-job-gezdqo-0", "my-job-gi3dgn-0"], own.Select(p => p.Metadata.Name));
        await _core.DidNotReceive().ReadNamespacedPodWithHttpMessagesAsync(
            "my-job-gezdqo-0", Arg.Any<string>(), Arg.Any<bool?>(), Arg.Any<IReadOnlyDictionary<string, IReadOnlyList<string>>>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_job_without_uid_or_namespace_is_refused_with_the_field()
    {
        var noUid = JobWithTasks();
        noUid.Metadata.Uid = null;
        var noNamespace = JobWithTasks();
        noNamespace.Metadata.NamespaceProperty = null;

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _lookup.ListCandidatePodsAsync(noUid, Token));
        Assert.Contains("metadata.uid", ex.Message, StringComparison.Ordinal);
        ex = await Assert.ThrowsAsync<ArgumentException>(() => _lookup.ListCandidatePodsAsync(noNamespace, Token));
        Assert.Contains("metadata.namespace", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_pod_list_is_an_sdk_exception_about_pods()
    {
        _core.ListNamespacedPodWithHttpMessagesAsync(
                Arg.Any<string>(), Arg.Any<bool?>(), Arg.Any<string>(), Arg.Any<string>(), Arg.Any<string>(), Arg.Any<int?>(), Arg.Any<string>(), Arg.Any<string>(),
                Arg.Any<bool?>(), Arg.Any<string>(), Arg.Any<int?>(), Arg.Any<bool?>(), Arg.Any<bool?>(),
                Arg.Any<IReadOnlyDictionary<string, IReadOnlyList<string>>>(), Arg.Any<CancellationToken>())
            .Returns(Task.FromException<HttpOperationResponse<V1PodList>>(SubstitutedKubernetesTests.Failure(
                HttpStatusCode.Forbidden, """{"kind":"Status","code":403,"reason":"Forbidden","message":"pods is forbidden"}""")));

        var ex = await Assert.ThrowsAsync<FurikoApiException>(() => _lookup.ListJobPodsAsync(JobWithTasks(), Token));

        Assert.Equal("list Pod in namespace default failed: 403 Forbidden: pods is forbidden", ex.Message);
        Assert.Equal("pods", ex.Resource);
    }
}
