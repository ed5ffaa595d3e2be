using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Furiko.Sdk.Kubernetes;

namespace Furiko.Sdk.Tests.Kubernetes;

/// <summary>Which failures are worth a retry, which certainly never reached the server, and Retry-After.</summary>
public class TransientFailuresTests
{
    private static readonly DateTimeOffset Now = new(2021, 2, 9, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Connection_failures_before_sending_are_certainly_not_sent_but_a_reset_or_a_503_may_have_acted()
    {
        Assert.True(TransientFailures.CertainlyNotSent(new HttpRequestException(HttpRequestError.NameResolutionError, "no such host")));
        Assert.True(TransientFailures.CertainlyNotSent(new HttpRequestException("x", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(TransientFailures.CertainlyNotSent(SubstitutedKubernetesTests.Failure(HttpStatusCode.TooManyRequests, string.Empty)));
        Assert.False(TransientFailures.CertainlyNotSent(new HttpRequestException(HttpRequestError.ResponseEnded, "ended")));
        Assert.False(TransientFailures.CertainlyNotSent(new IOException("Connection reset by peer")));
        Assert.False(TransientFailures.CertainlyNotSent(SubstitutedKubernetesTests.Failure(HttpStatusCode.ServiceUnavailable, string.Empty)));
    }

    [Fact]
    public void A_cancellation_is_transient_only_when_the_caller_did_not_ask_for_it()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.True(TransientFailures.IsTransient(new TaskCanceledException(), CancellationToken.None));
        Assert.False(TransientFailures.IsTransient(new TaskCanceledException(), cancelled.Token));
        Assert.False(TransientFailures.IsTransient(new InvalidOperationException(), CancellationToken.None));
    }

    [Theory]
    [InlineData("7", 7)]
    [InlineData("Tue, 09 Feb 2021 04:00:30 GMT", 30)]
    [InlineData("Tue, 09 Feb 2021 03:59:00 GMT", 0)]
    public void Retry_after_is_read_as_seconds_or_as_a_date(string header, int expectedSeconds)
    {
        var failure = SubstitutedKubernetesTests.Failure(HttpStatusCode.TooManyRequests, string.Empty);
        failure.Response.Headers["Retry-After"] = [header];

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RetryAfterHeader.Read(failure, Now));
    }

    [Fact]
    public void Retry_after_is_ignored_on_other_statuses_and_when_unreadable()
    {
        var wrongStatus = SubstitutedKubernetesTests.Failure(HttpStatusCode.InternalServerError, string.Empty);
        wrongStatus.Response.Headers["Retry-After"] = ["5"];
        var unreadable = SubstitutedKubernetesTests.Failure(HttpStatusCode.ServiceUnavailable, string.Empty);
        unreadable.Response.Headers["retry-after"] = ["soon"];

        Assert.Null(RetryAfterHeader.Read(wrongStatus, Now));
        Assert.Null(RetryAfterHeader.Read(unreadable, Now));
        Assert.Null(RetryAfterHeader.Read(new IOException(), Now));
    }
}
