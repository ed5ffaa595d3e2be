using System.Text.Json.Nodes;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>
/// The core's answer, for a transport to write: a status code and JSON body, or an open watch to stream, or the
/// instruction to drop the connection.
/// </summary>
internal sealed class ApiResponse
{
    public int StatusCode { get; private init; }

    /// <summary>The JSON body, or null for a watch or a dropped connection.</summary>
    public string? Body { get; private init; }

    /// <summary>The <c>Retry-After</c> header in seconds, or null.</summary>
    public string? RetryAfter { get; private init; }

    /// <summary>For a watch: the stream of event lines to write, one JSON object per line.</summary>
    public WatchSubscription? Watch { get; private init; }

    /// <summary>Whether the transport must drop the connection instead of answering.</summary>
    public bool DropConnection { get; private init; }

    public static ApiResponse Json(int statusCode, JsonNode body) => new() { StatusCode = statusCode, Body = body.ToJsonString() };

    public static ApiResponse Error(ApiError error) =>
        new() { StatusCode = error.Code, Body = error.ToStatus().ToJsonString(), RetryAfter = error.RetryAfterHeader };

    public static ApiResponse Stream(WatchSubscription watch) => new() { StatusCode = 200, Watch = watch };

    public static ApiResponse Dropped() => new() { DropConnection = true };
}
