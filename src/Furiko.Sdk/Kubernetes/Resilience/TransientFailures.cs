using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using k8s.Autorest;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// Sorts failures of calls to the API server: which usually pass (worth a retry) and which certainly never
/// reached the server (safe to retry even for a call that must not act twice). Pure; thread-safe.
/// </summary>
internal static class TransientFailures
{
    /// <summary>Whether an HTTP status usually passes: 429, 500, 502, 503 and 504.</summary>
    /// <param name="statusCode">The status code.</param>
    /// <returns><see langword="true"/> for a transient status.</returns>
    public static bool IsTransientStatus(int statusCode) => statusCode is 429 or 500 or 502 or 503 or 504;

    /// <summary>Whether a failure usually passes.</summary>
    /// <param name="error">What the call threw.</param>
    /// <param name="callerToken">The caller's token: a cancellation the caller asked for is never transient, any other is a timeout.</param>
    /// <returns><see langword="true"/> when a retry may succeed.</returns>
    public static bool IsTransient(Exception error, CancellationToken callerToken) =>
        error switch
        {
            HttpOperationException http => http.Response is { } response && IsTransientStatus((int)response.StatusCode),
            OperationCanceledException => !callerToken.IsCancellationRequested,
            HttpRequestException or IOException or TimeoutException or SocketException => true,
            _ => false,
        };

    /// <summary>Whether a failure certainly happened before the server acted on the request.</summary>
    /// <param name="error">What the call threw.</param>
    /// <returns>
    /// <see langword="true"/> for a 429 (the API server's rate limiting rejects a request before handling it) and
    /// for a connection that could not be opened (refused, host not resolved, TLS handshake failed).
    /// </returns>
    public static bool CertainlyNotSent(Exception error)
    {
        if (error is HttpOperationException { Response.StatusCode: HttpStatusCode.TooManyRequests })
        {
            return true;
        }

        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException
                {
                    HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError,
                })
            {
                return true;
            }

            if (current is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a failure is a malformed answer (broken JSON) rather than a failed call.</summary>
    /// <param name="error">What the call threw.</param>
    /// <returns><see langword="true"/> for a <see cref="JsonException"/>.</returns>
    public static bool IsMalformedAnswer(Exception error) => error is JsonException;
}
