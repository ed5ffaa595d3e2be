using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>
/// The DeleteOptions of a DELETE: query parameters first, then the body (a v1 DeleteOptions) over them, as the
/// API server reads them.
/// </summary>
internal sealed record DeleteRequestOptions(long? GracePeriodSeconds, string? PreconditionUid, string? PreconditionResourceVersion, string? PropagationPolicy)
{
    /// <exception cref="ApiError">400 for a body or number that does not parse, 422 for an unknown propagation policy.</exception>
    public static DeleteRequestOptions Read(ApiRequest request)
    {
        long? grace = null;
        if (request.Parameter("gracePeriodSeconds") is { Length: > 0 } graceText)
        {
            grace = long.TryParse(graceText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var g)
                ? g
                : throw ApiError.BadRequest($"gracePeriodSeconds: Invalid value: \"{graceText}\": must be an integer");
        }

        var policy = request.Parameter("propagationPolicy");
        string? uid = null, resourceVersion = null;
        if (request.Body.Length > 0)
        {
            JsonNode? body;
            try
            {
                body = JsonNode.Parse(request.Body);
            }
            catch (JsonException ex)
            {
                throw ApiError.BadRequest($"the body of the request was not valid DeleteOptions: {ex.Message}");
            }

            if (body is JsonObject options)
            {
                grace = JsonFields.LongAt(options, "gracePeriodSeconds") ?? grace;
                policy = JsonFields.StringAt(options, "propagationPolicy") ?? policy;
                uid = JsonFields.StringAt(options, "preconditions", "uid");
                resourceVersion = JsonFields.StringAt(options, "preconditions", "resourceVersion");
                if (options["dryRun"] is JsonArray { Count: > 0 })
                {
                    throw ApiError.BadRequest("dryRun is not supported by the Furiko Kubernetes emulator");
                }
            }
            else if (body is not null)
            {
                throw ApiError.BadRequest("the body of the request was not valid DeleteOptions: not a JSON object");
            }
        }

        if (policy is not (null or "" or "Orphan" or "Background" or "Foreground"))
        {
            throw ApiError.UnprocessablePatch($"DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Unsupported value: \"{policy}\": supported values: \"Foreground\", \"Background\", \"Orphan\"");
        }

        // The delete path treats a negative grace period as one second.
        if (grace < 0)
        {
            grace = 1;
        }

        return new DeleteRequestOptions(grace, uid, resourceVersion, policy);
    }
}
