using System.Net;
using k8s;
using k8s.Models;
using static Furiko.Sdk.Testing.Tests.Emulator.TestObjects;

namespace Furiko.Sdk.Testing.Tests.Emulator;

public sealed class SelectorTests
{
    private static CancellationToken Token => EmulatorEnvironment.Token;

    private static async Task<EmulatorEnvironment> WithLabelledPodsAsync()
    {
        var env = await EmulatorEnvironment.StartAsync();
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("a", new Dictionary<string, string> { ["app"] = "web", ["tier"] = "1" }, nodeName: "n1"), Ns, cancellationToken: Token);
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("b", new Dictionary<string, string> { ["app"] = "db", ["tier"] = "2" }, nodeName: "n2"), Ns, cancellationToken: Token);
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("c", new Dictionary<string, string> { ["app"] = "web" }), Ns, cancellationToken: Token);
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("d"), Ns, cancellationToken: Token);
        return env;
    }

    [Theory]
    [InlineData("app=web", "a,c")]
    [InlineData("app==web", "a,c")]
    [InlineData("app!=web", "b,d")]
    [InlineData("app in (web, db)", "a,b,c")]
    [InlineData("app notin (web)", "b,d")]
    [InlineData("tier", "a,b")]
    [InlineData("!tier", "c,d")]
    [InlineData("app=web,tier", "a")]
    [InlineData("app=web,!tier", "c")]
    [InlineData("tier>1", "b")]
    [InlineData("tier<2", "a")]
    [InlineData("app=", "")]
    [InlineData("", "a,b,c,d")]
    public async Task Label_selectors_follow_the_api_server_grammar(string selector, string expected)
    {
        await using var env = await WithLabelledPodsAsync();

        var list = await env.Client.CoreV1.ListNamespacedPodAsync(Ns, labelSelector: selector, cancellationToken: Token);

        Assert.Equal(expected, string.Join(",", list.Items.Select(p => p.Metadata.Name)));
    }

    [Theory]
    [InlineData("metadata.name=b", "b")]
    [InlineData("metadata.name!=b", "a,c,d")]
    [InlineData("metadata.namespace=default", "a,b,c,d")]
    [InlineData("metadata.namespace==other", "")]
    [InlineData("spec.nodeName=n1", "a")]
    [InlineData("spec.nodeName=", "c,d")]
    [InlineData("spec.nodeName!=,metadata.name!=a", "b")]
    [InlineData("status.phase=Pending", "a,b,c,d")]
    public async Task Field_selectors_match_name_namespace_and_pod_fields(string selector, string expected)
    {
        await using var env = await WithLabelledPodsAsync();

        var list = await env.Client.CoreV1.ListNamespacedPodAsync(Ns, fieldSelector: selector, cancellationToken: Token);

        Assert.Equal(expected, string.Join(",", list.Items.Select(p => p.Metadata.Name)));
    }

    [Theory]
    [InlineData("app in (web", null)]
    [InlineData("app notin ()", null)]
    [InlineData("app=(x)", null)]
    [InlineData("!", null)]
    [InlineData("bad key=x", null)]
    [InlineData("app=web!", null)]
    [InlineData(null, "spec.hostname=x")]
    [InlineData(null, "metadata.name")]
    public async Task A_bad_selector_is_400_BadRequest(string? labels, string? fields)
    {
        await using var env = await WithLabelledPodsAsync();

        var status = await ExpectStatusAsync(HttpStatusCode.BadRequest,
            () => env.Client.CoreV1.ListNamespacedPodAsync(Ns, labelSelector: labels, fieldSelector: fields, cancellationToken: Token));

        Assert.Equal("BadRequest", status.Reason);
    }

    [Fact]
    public async Task An_unsupported_field_is_named_in_the_error()
    {
        await using var env = await EmulatorEnvironment.StartAsync();

        var status = await ExpectStatusAsync(HttpStatusCode.BadRequest,
            () => Jobs(env.Client).ListNamespacedAsync<Furiko.Sdk.Models.JobList>(Ns, fieldSelector: "spec.nodeName=x", cancel: Token));

        Assert.Equal("field label not supported: spec.nodeName", status.Message);
    }

    [Fact]
    public async Task Selectors_also_filter_custom_resources()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        var labelled = Job("j1");
        labelled.Metadata.Labels = new Dictionary<string, string> { ["execution.furiko.io/job-config-uid"] = "abc" };
        await Jobs(env.Client).CreateNamespacedAsync(labelled, Ns, Token);
        await Jobs(env.Client).CreateNamespacedAsync(Job("j2"), Ns, Token);

        var list = await Jobs(env.Client).ListNamespacedAsync<Furiko.Sdk.Models.JobList>(Ns, labelSelector: "execution.furiko.io/job-config-uid=abc", cancel: Token);

        Assert.Equal("j1", Assert.Single(list.Items).Metadata.Name);
    }
}
