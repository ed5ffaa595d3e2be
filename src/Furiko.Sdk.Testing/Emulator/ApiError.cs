using System.Globalization;
using System.Text.Json.Nodes;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>
/// A request the emulated API server refuses, carried up to the transport as a v1 <c>Status</c> body with the
/// same code, reason and message shape the real kube-apiserver uses.
/// </summary>
internal sealed class ApiError : Exception
{
    private ApiError(int code, string reason, string message, JsonObject? details)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Details = details;
    }

    /// <summary>The HTTP status code.</summary>
    public int Code { get; }

    /// <summary>The machine-readable reason, for example <c>NotFound</c>.</summary>
    public string Reason { get; }

    /// <summary>The <c>details</c> object of the Status, or null.</summary>
    public JsonObject? Details { get; }

    /// <summary>Seconds a client should wait before retrying (429/503), or null.</summary>
    public int? RetryAfterSeconds { get; private init; }

    public static ApiError NotFound(EmulatedResource resource, string name) =>
        new(404, "NotFound", $"{resource.QualifiedPlural} \"{name}\" not found", Describe(name, resource.Group, resource.Plural));

    public static ApiError NoSuchPath() =>
        new(404, "NotFound", "the server could not find the requested resource", new JsonObject());

    public static ApiError AlreadyExists(EmulatedResource resource, string name) =>
        new(409, "AlreadyExists", $"{resource.QualifiedPlural} \"{name}\" already exists", Describe(name, resource.Group, resource.Plural));

    /// <summary>The optimistic-concurrency conflict of an update or patch whose resourceVersion is stale.</summary>
    public static ApiError StaleResourceVersion(EmulatedResource resource, string name) =>
        Conflict(resource.QualifiedPlural, resource.Group, resource.Plural, name,
            "the object has been modified; please apply your changes to the latest version and try again");

    /// <summary>
    /// A conflict named after a resource. The apiserver's delete-precondition check names the kind rather than the
    /// plural (it builds the GroupResource from the object's kind), so callers pass whichever the real server uses.
    /// </summary>
    public static ApiError Conflict(string qualifiedName, string group, string detailKind, string name, string why) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {qualifiedName} \"{name}\": {why}", Describe(name, group, detailKind));

    /// <summary>
    /// A validation failure (422). The real server names the kind in most of these, but names the plural for a
    /// missing resourceVersion on update; <paramref name="byPlural"/> picks the latter.
    /// </summary>
    public static ApiError Invalid(EmulatedResource resource, string name, string field, string problem, bool byPlural = false)
    {
        var details = Describe(name, resource.Group, byPlural ? resource.Plural : resource.Kind);
        details["causes"] = new JsonArray(new JsonObject
        {
            ["reason"] = problem.StartsWith("Required", StringComparison.Ordinal) ? "FieldValueRequired" : "FieldValueInvalid",
            ["message"] = problem,
            ["field"] = field,
        });
        var qualified = byPlural ? resource.QualifiedPlural : resource.QualifiedKind;
        return new(422, "Invalid", $"{qualified} \"{name}\" is invalid: {field}: {problem}", details);
    }

    public static ApiError UnprocessablePatch(string message) => new(422, "Invalid", message, null);

    public static ApiError BadRequest(string message) => new(400, "BadRequest", message, null);

    public static ApiError MethodNotAllowed() =>
        new(405, "MethodNotAllowed", "the server does not allow this method on the requested resource", new JsonObject());

    public static ApiError UnsupportedMediaType(string contentType) =>
        new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json (got {contentType})", null);

    public static ApiError Expired(string message) => new(410, "Expired", message, null);

    /// <summary>An error a fault rule makes the server answer with, in the shape the real server uses for that code.</summary>
    public static ApiError Injected(int code, int? retryAfterSeconds)
    {
        var (reason, message) = code switch
        {
            429 => ("TooManyRequests", "Too many requests, please try again later."),
            500 => ("InternalError", "Internal error occurred: injected by the emulator"),
            503 => ("ServiceUnavailable", "The server is currently unable to handle the request"),
            504 => ("Timeout", "Timeout: request did not complete within requested timeout - context deadline exceeded"),
            409 => ("Conflict", "Operation cannot be fulfilled: injected by the emulator"),
            404 => ("NotFound", "the server could not find the requested resource"),
            _ => ("Unknown", "injected by the emulator"),
        };
        JsonObject? details = null;
        if (retryAfterSeconds is { } seconds)
        {
            details = new JsonObject { ["retryAfterSeconds"] = seconds };
        }

        return new ApiError(code, reason, message, details) { RetryAfterSeconds = retryAfterSeconds };
    }

    /// <summary>The v1 Status object for this error, as the real server writes it.</summary>
    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
            ["reason"] = Reason,
        };
        if (Details is not null)
        {
            status["details"] = Details.DeepClone();
        }

        status["code"] = Code;
        return status;
    }

    /// <summary>The Retry-After header value, or null.</summary>
    public string? RetryAfterHeader => RetryAfterSeconds?.ToString(CultureInfo.InvariantCulture);

    private static JsonObject Describe(string name, string group, string kind)
    {
        var details = new JsonObject { ["name"] = name };
        if (group.Length > 0)
        {
            details["group"] = group;
        }

        details["kind"] = kind;
        return details;
    }
}
