using System.Net;
using System.Text.Json;
using Furiko.Sdk.Serialization;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// Turns what KubernetesClient throws into the SDK's exceptions, at the edge: an <see cref="HttpOperationException"/>
/// (and a watch's ERROR <c>Status</c>) by HTTP status, a network failure or timeout into
/// <see cref="FurikoApiTransientException"/>, and a body that is not JSON into <see cref="FurikoSerializationException"/>.
/// Messages name the verb, the object, the status and the server's message. Pure; thread-safe.
/// </summary>
internal static class ApiErrorTranslator
{
    private const int MaxBodyInMessage = 500;

    /// <summary>The SDK exception for a failure, or <see langword="null"/> when it is not an API failure (rethrow it as it is).</summary>
    /// <param name="call">The call.</param>
    /// <param name="error">What the call threw.</param>
    /// <param name="attempts">How many times the call was tried.</param>
    /// <param name="mayHaveActedBefore">An earlier attempt failed without an answer, so it may have been carried out.</param>
    /// <param name="callerToken">The caller's token, to tell a timeout from a cancellation.</param>
    /// <returns>The exception to throw, or <see langword="null"/>.</returns>
    public static Exception? Translate(ApiCall call, Exception error, int attempts, bool mayHaveActedBefore, CancellationToken callerToken)
    {
        switch (error)
        {
            case FurikoApiException or FurikoSerializationException:
                return null;
            case OperationCanceledException when callerToken.IsCancellationRequested:
                return null;
            case HttpOperationException http when http.Response is { } response:
                {
                    var (reason, message) = ReadStatus(response.Content);
                    return FromStatus(call, response.StatusCode, reason, message, attempts, mayHaveActedBefore, http);
                }

            case KubernetesException { Status: { } status } kubernetes:
                {
                    var code = status.Code is { } c ? (HttpStatusCode)c : HttpStatusCode.InternalServerError;
                    return FromStatus(call, code, status.Reason, status.Message, attempts, mayHaveActedBefore, kubernetes);
                }

            case JsonException json:
                return new FurikoSerializationException(
                    $"{call.Verb} {Target(call)}: the API server's answer is not valid JSON: {json.Message}", json.Path, null, json);
            case OperationCanceledException or TimeoutException:
                return Transient(call, null, null, "the request timed out", attempts, error);
            case HttpRequestException or IOException or System.Net.Sockets.SocketException:
                return Transient(call, (error as HttpRequestException)?.StatusCode, null, $"no answer from the API server ({Describe(error)})", attempts, error);
            default:
                return null;
        }
    }

    /// <summary>The SDK exception for a status the server answered with.</summary>
    /// <param name="call">The call.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="reason">The Status reason.</param>
    /// <param name="serverMessage">The server's message.</param>
    /// <param name="attempts">How many times the call was tried.</param>
    /// <param name="mayHaveActedBefore">An earlier attempt failed without an answer.</param>
    /// <param name="inner">The original failure.</param>
    /// <returns>The exception.</returns>
    public static FurikoApiException FromStatus(
        ApiCall call, HttpStatusCode statusCode, string? reason, string? serverMessage, int attempts, bool mayHaveActedBefore, Exception? inner)
    {
        var failure = call.ToFailure(statusCode, reason, serverMessage);
        var code = (int)statusCode;
        if (TransientFailures.IsTransientStatus(code))
        {
            return Transient(call, statusCode, reason, serverMessage, attempts, inner);
        }

        var message = $"{call.Verb} {Target(call)} failed: {StatusText(statusCode, reason)}{ServerText(serverMessage)}";
        if (mayHaveActedBefore && call.IsWrite && statusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity)
        {
            message += $" (after {attempts} attempts: an earlier attempt failed without an answer and may have been carried out)";
        }

        return statusCode switch
        {
            HttpStatusCode.NotFound => new FurikoApiNotFoundException(message, failure, inner),
            HttpStatusCode.Conflict => new FurikoApiConflictException(message, failure, inner),
            HttpStatusCode.UnprocessableEntity => new FurikoApiInvalidException(message, failure, inner),
            _ => new FurikoApiException(message, failure, inner),
        };
    }

    /// <summary>Reads a v1 <c>Status</c> body: its reason and message, or the raw body (shortened) when it is not one.</summary>
    /// <param name="body">The response body.</param>
    /// <returns>The reason (or <see langword="null"/>) and the message (or <see langword="null"/> for an empty body).</returns>
    public static (string? Reason, string? Message) ReadStatus(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            var status = KubernetesJson.Deserialize<V1Status>(body);
            if (status is { Kind: "Status" } && (status.Reason is not null || status.Message is not null))
            {
                return (string.IsNullOrEmpty(status.Reason) ? null : status.Reason, status.Message);
            }
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            // Not a Status (a proxy's HTML page, plain text): the raw body is the best message there is.
        }

        var trimmed = body.Trim();
        return (null, trimmed.Length <= MaxBodyInMessage ? trimmed : string.Concat(trimmed.AsSpan(0, MaxBodyInMessage), "..."));
    }

    private static FurikoApiTransientException Transient(
        ApiCall call, HttpStatusCode? statusCode, string? reason, string? detail, int attempts, Exception? inner)
    {
        var tries = attempts == 1 ? "1 attempt" : $"{attempts} attempts";
        var what = statusCode is { } code ? $"{StatusText(code, reason)}{ServerText(detail)}" : detail ?? "no answer from the API server";
        return new FurikoApiTransientException(
            $"{call.Verb} {Target(call)} failed after {tries}: {what}",
            call.ToFailure(statusCode, reason, statusCode is null ? null : detail),
            attempts,
            inner);
    }

    private static string Target(ApiCall call) => call.ToFailure(null, null, null).Target;

    private static string StatusText(HttpStatusCode statusCode, string? reason)
    {
        var name = StatusName(statusCode);
        var text = $"{(int)statusCode} {name}";
        return reason is not null && !string.Equals(reason, name, StringComparison.Ordinal) ? $"{text} ({reason})" : text;
    }

    // Spelled out because HttpStatusCode has two names for some codes (422, 413, 416) and ToString may pick either.
    private static string StatusName(HttpStatusCode statusCode) =>
        (int)statusCode switch
        {
            400 => "BadRequest",
            401 => "Unauthorized",
            403 => "Forbidden",
            404 => "NotFound",
            405 => "MethodNotAllowed",
            409 => "Conflict",
            410 => "Gone",
            413 => "RequestEntityTooLarge",
            415 => "UnsupportedMediaType",
            422 => "UnprocessableEntity",
            429 => "TooManyRequests",
            500 => "InternalServerError",
            502 => "BadGateway",
            503 => "ServiceUnavailable",
            504 => "GatewayTimeout",
            _ => statusCode.ToString(),
        };

    private static string ServerText(string? serverMessage) => string.IsNullOrEmpty(serverMessage) ? string.Empty : ": " + serverMessage;

    private static string Describe(Exception error)
    {
        var innermost = error;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return ReferenceEquals(innermost, error)
            ? $"{error.GetType().Name}: {error.Message}"
            : $"{error.GetType().Name}: {error.Message} <- {innermost.GetType().Name}: {innermost.Message}";
    }
}
