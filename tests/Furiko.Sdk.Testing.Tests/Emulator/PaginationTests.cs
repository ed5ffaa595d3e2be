using System.Net;
using k8s;
using k8s.Models;
using static Furiko.Sdk.Testing.Tests.Emulator.TestObjects;

namespace Furiko.Sdk.Testing.Tests.Emulator;

public sealed class PaginationTests
{
    private static CancellationToken Token => EmulatorEnvironment.Token;

    [Fact]
    public async Task Limit_and_continue_page_through_every_object_once_in_key_order()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        foreach (var name in new[] { "p3", "p1", "p5", "p2", "p4" })
        {
            await env.Client.CoreV1.CreateNamespacedPodAsync(Pod(name), Ns, cancellationToken: Token);
        }

        var first = await env.Client.CoreV1.ListNamespacedPodAsync(Ns, limit: 2, cancellationToken: Token);
        var second = await env.Client.CoreV1.ListNamespacedPodAsync(Ns, limit: 2, continueParameter: first.Metadata.ContinueProperty, cancellationToken: Token);
        var third = await env.Client.CoreV1.ListNamespacedPodAsync(Ns, limit: 2, continueParameter: second.Metadata.ContinueProperty, cancellationToken: Token);

        Assert.Equal(["p1", "p2"], first.Items.Select(p => p.Metadata.Name));
        Assert.Equal(3, first.Metadata.RemainingItemCount);
        Assert.Equal(["p3", "p4"], second.Items.Select(p => p.Metadata.Name));
        Assert.Equal(1, second.Metadata.RemainingItemCount);
        Assert.Equal(["p5"], third.Items.Select(p => p.Metadata.Name));
        Assert.Null(third.Metadata.ContinueProperty);
        Assert.Null(third.Metadata.RemainingItemCount);
    }

    [Fact]
    public async Task Every_page_reads_the_state_the_first_page_was_read_at()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        foreach (var name in new[] { "p1", "p2", "p3" })
        {
            await env.Client.CoreV1.CreateNamespacedPodAsync(Pod(name), Ns, cancellationToken: Token);
        }

        var first = await env.Client.CoreV1.ListNamespacedPodAsync(Ns, limit: 1, cancellationToken: Token);
        await env.Client.CoreV1.DeleteNamespacedPodAsync("p2", Ns, cancellationToken: Token);
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p4"), Ns, cancellationToken: Token);
        var rest = await env.Client.CoreV1.ListNamespacedPodAsync(Ns, continueParameter: first.Metadata.ContinueProperty, cancellationToken: Token);

        Assert.Equal(["p2", "p3"], rest.Items.Select(p => p.Metadata.Name));
        Assert.Equal(first.Metadata.ResourceVersion, rest.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Remaining_item_count_is_left_out_when_a_selector_filters_the_rest()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        foreach (var name in new[] { "p1", "p2", "p3" })
        {
            await env.Client.CoreV1.CreateNamespacedPodAsync(Pod(name, new Dictionary<string, string> { ["app"] = "x" }), Ns, cancellationToken: Token);
        }

        var page = await env.Client.CoreV1.ListNamespacedPodAsync(Ns, labelSelector: "app=x", limit: 1, cancellationToken: Token);

        Assert.NotNull(page.Metadata.ContinueProperty);
        Assert.Null(page.Metadata.RemainingItemCount);
    }

    [Fact]
    public async Task A_continue_token_that_does_not_decode_is_400_and_one_with_a_resource_version_is_400()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token);
        await env.Client.CoreV1.CreateNamespacedPodAsync(Pod("p2"), Ns, cancellationToken: Token);
        var first = await env.Client.CoreV1.ListNamespacedPodAsync(Ns, limit: 1, cancellationToken: Token);

        var garbage = await ExpectStatusAsync(HttpStatusCode.BadRequest,
            () => env.Client.CoreV1.ListNamespacedPodAsync(Ns, continueParameter: "not-a-token", cancellationToken: Token));
        var withVersion = await ExpectStatusAsync(HttpStatusCode.BadRequest,
            () => env.Client.CoreV1.ListNamespacedPodAsync(Ns, continueParameter: first.Metadata.ContinueProperty, resourceVersion: "5", cancellationToken: Token));

        Assert.Equal("continue key is not valid: not-a-token", garbage.Message);
        Assert.Equal("specifying resource version is not allowed when using continue", withVersion.Message);
    }

    [Fact]
    public async Task A_continue_token_from_another_emulator_is_410_Expired()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        await using var other = await EmulatorEnvironment.StartAsync();
        foreach (var e in new[] { env, other })
        {
            await e.Client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), Ns, cancellationToken: Token);
            await e.Client.CoreV1.CreateNamespacedPodAsync(Pod("p2"), Ns, cancellationToken: Token);
        }

        var first = await other.Client.CoreV1.ListNamespacedPodAsync(Ns, limit: 1, cancellationToken: Token);
        var status = await ExpectStatusAsync(HttpStatusCode.Gone,
            () => env.Client.CoreV1.ListNamespacedPodAsync(Ns, continueParameter: first.Metadata.ContinueProperty, cancellationToken: Token));

        Assert.Equal("Expired", status.Reason);
    }

    [Fact]
    public async Task GenericClient_pages_custom_resources()
    {
        await using var env = await EmulatorEnvironment.StartAsync();
        foreach (var name in new[] { "j1", "j2", "j3" })
        {
            await Jobs(env.Client).CreateNamespacedAsync(Job(name), Ns, Token);
        }

        var first = await Jobs(env.Client).ListNamespacedAsync<Furiko.Sdk.Models.JobList>(Ns, limit: 2, cancel: Token);
        var second = await Jobs(env.Client).ListNamespacedAsync<Furiko.Sdk.Models.JobList>(Ns, limit: 2, continueToken: first.Metadata.ContinueProperty, cancel: Token);

        Assert.Equal(["j1", "j2", "j3"], first.Items.Concat(second.Items).Select(j => j.Metadata.Name));
    }
}
