namespace Furiko.Sdk.Testing.Emulator;

/// <summary>What a resource path names: the resource, and the namespace, object and subresource if any.</summary>
internal sealed record ApiRoute(EmulatedResource Resource, string? Namespace, string? Name, string? Subresource)
{
    /// <summary>
    /// Reads a path of the real API's shape: <c>/api/v1[/namespaces/{ns}]/{plural}[/{name}[/{sub}]]</c> for the core
    /// group, <c>/apis/{group}/{version}[/namespaces/{ns}]/{plural}[/{name}[/{sub}]]</c> otherwise. Returns null for a
    /// path that names no served resource.
    /// </summary>
    public static ApiRoute? Parse(string path, ResourceRegistry registry)
    {
        var segments = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        string group, version;
        int rest;
        if (segments.Length >= 3 && segments[0] == "api")
        {
            (group, version, rest) = ("", segments[1], 2);
        }
        else if (segments.Length >= 4 && segments[0] == "apis")
        {
            (group, version, rest) = (segments[1], segments[2], 3);
        }
        else
        {
            return null;
        }

        var tail = segments[rest..];
        string? ns = null;
        if (tail.Length >= 3 && tail[0] == "namespaces")
        {
            ns = tail[1];
            tail = tail[2..];
        }

        if (tail.Length is 0 or > 3 || tail.Any(s => s.Length == 0))
        {
            return null;
        }

        var resource = registry.Find(group, version, tail[0]);
        if (resource is null || (ns is not null && !resource.IsNamespaced))
        {
            return null;
        }

        var name = tail.Length > 1 ? tail[1] : null;
        var sub = tail.Length > 2 ? tail[2] : null;
        if (resource.IsNamespaced && ns is null && name is not null)
        {
            return null;
        }

        if (sub is not null && !(sub == "status" && resource.HasStatusSubresource))
        {
            return null;
        }

        return new ApiRoute(resource, ns, name, sub);
    }
}
