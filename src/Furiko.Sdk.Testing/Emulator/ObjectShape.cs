using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>
/// Checks a request body against its endpoint the way the API server's decoder and generic validation do: it
/// must be a JSON object of the endpoint's apiVersion and kind, with a valid name and a matching namespace.
/// </summary>
internal static partial class ObjectShape
{
    /// <exception cref="ApiError">400 BadRequest when the body is not a JSON object or names another apiVersion or kind.</exception>
    public static JsonObject Parse(byte[] body, EmulatedResource resource)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException ex)
        {
            throw ApiError.BadRequest($"the object provided is unrecognized (must be of type {resource.Kind}): couldn't get version/kind; json parse error: {ex.Message}");
        }

        if (node is not JsonObject obj)
        {
            throw ApiError.BadRequest($"the object provided is unrecognized (must be of type {resource.Kind}): the body is not a JSON object");
        }

        var apiVersion = JsonFields.StringAt(obj, "apiVersion");
        var kind = JsonFields.StringAt(obj, "kind");

        // The CRD handler decodes unstructured JSON and needs both fields; built-in endpoints default them from the URL.
        if (resource.IsCustomResource && string.IsNullOrEmpty(kind))
        {
            throw ApiError.BadRequest($"Object 'Kind' is missing in '{Abbreviate(obj)}'");
        }

        if (resource.IsCustomResource && string.IsNullOrEmpty(apiVersion))
        {
            throw ApiError.BadRequest($"Object 'apiVersion' is missing in '{Abbreviate(obj)}'");
        }

        if (!string.IsNullOrEmpty(apiVersion) && apiVersion != resource.ApiVersion)
        {
            throw ApiError.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({resource.ApiVersion})");
        }

        if (!string.IsNullOrEmpty(kind) && kind != resource.Kind)
        {
            throw ApiError.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({resource.Kind})");
        }

        return Normalize(obj, resource);
    }

    /// <summary>The object with apiVersion, kind and metadata first, as the server writes objects.</summary>
    public static JsonObject Normalize(JsonObject obj, EmulatedResource resource)
    {
        var result = new JsonObject
        {
            ["apiVersion"] = resource.ApiVersion,
            ["kind"] = resource.Kind,
            ["metadata"] = obj["metadata"] is JsonObject metadata ? metadata.DeepClone() : new JsonObject(),
        };
        foreach (var (key, value) in obj)
        {
            if (key is not ("apiVersion" or "kind" or "metadata"))
            {
                result[key] = value?.DeepClone();
            }
        }

        return result;
    }

    /// <summary>Puts the URL's namespace into the object (or removes it for cluster-scoped resources).</summary>
    /// <exception cref="ApiError">400 when the body names another namespace than the URL.</exception>
    public static void AlignNamespace(JsonObject obj, EmulatedResource resource, string? urlNamespace)
    {
        var metadata = JsonFields.Metadata(obj);
        if (!resource.IsNamespaced)
        {
            metadata.Remove("namespace");
            return;
        }

        var bodyNamespace = JsonFields.StringAt(metadata, "namespace");
        if (!string.IsNullOrEmpty(bodyNamespace) && bodyNamespace != urlNamespace)
        {
            throw ApiError.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        metadata["namespace"] = urlNamespace;
    }

    /// <exception cref="ApiError">422 when the name is not a DNS subdomain (RFC 1123, at most 253 characters).</exception>
    public static void ValidateName(EmulatedResource resource, string name)
    {
        if (name.Length > 253 || !DnsSubdomain().IsMatch(name))
        {
            throw ApiError.Invalid(resource, name, "metadata.name",
                $"Invalid value: \"{name}\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
        }
    }

    private static string Abbreviate(JsonObject obj)
    {
        var text = obj.ToJsonString();
        return text.Length > 200 ? text[..200] + "..." : text;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();
}
