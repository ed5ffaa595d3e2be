using System.Text.Json.Nodes;

namespace Furiko.Sdk.Tests.Kubernetes;

/// <summary>JSON bodies as the API server sends them.</summary>
internal static class ApiBodies
{
    public static string Job(
        string name = "my-job",
        string resourceVersion = "42",
        string uid = "uid-1",
        string? killTimestamp = null,
        string? phase = null,
        string ns = "default",
        IEnumerable<string>? finalizers = null)
    {
        var metadata = new JsonObject { ["name"] = name, ["namespace"] = ns, ["uid"] = uid, ["resourceVersion"] = resourceVersion };
        if (finalizers is not null)
        {
            metadata["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode)JsonValue.Create(f))]);
        }

        var job = new JsonObject
        {
            ["apiVersion"] = "execution.furiko.io/v1alpha1",
            ["kind"] = "Job",
            ["metadata"] = metadata,
            ["spec"] = killTimestamp is null ? new JsonObject() : new JsonObject { ["killTimestamp"] = killTimestamp },
        };
        if (phase is not null)
        {
            job["status"] = new JsonObject { ["phase"] = phase };
        }

        return job.ToJsonString();
    }

    public static string JobList(string resourceVersion, string? continueToken, params string[] jobs)
    {
        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion };
        if (continueToken is not null)
        {
            metadata["continue"] = continueToken;
        }

        return new JsonObject
        {
            ["apiVersion"] = "execution.furiko.io/v1alpha1",
            ["kind"] = "JobList",
            ["metadata"] = metadata,
            ["items"] = new JsonArray([.. jobs.Select(j => JsonNode.Parse(j))]),
        }.ToJsonString();
    }

    public static string Status(int code, string reason, string message) =>
        new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
            ["code"] = code,
        }.ToJsonString();

    public static string Event(string type, string obj) => $"{{\"type\":\"{type}\",\"object\":{obj}}}";

    public static string Bookmark(string resourceVersion) =>
        Event("BOOKMARK", $"{{\"kind\":\"Job\",\"apiVersion\":\"execution.furiko.io/v1alpha1\",\"metadata\":{{\"resourceVersion\":\"{resourceVersion}\"}}}}");

    public static string Gone(string message = "too old resource version: 1 (50)") => Event("ERROR", Status(410, "Expired", message));

    public static string NotFound(string name) => Status(404, "NotFound", $"jobs.execution.furiko.io \"{name}\" not found");

    public static string Conflict(string name) =>
        Status(409, "Conflict", $"Operation cannot be fulfilled on jobs.execution.furiko.io \"{name}\": the object has been modified; please apply your changes to the latest version and try again");
}
