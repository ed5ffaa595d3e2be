using System.Text.Json.Nodes;

namespace Furiko.Sdk.Tests;

/// <summary>Hand-written documents under Fixtures/ (copied next to the tests).</summary>
internal static class TestFixtures
{
    /// <summary>A Job that sets every field of the Job CRD at least once.</summary>
    public const string EveryFieldJob = "job-every-field.json";

    /// <summary>A JobConfig that sets every field of the JobConfig CRD at least once.</summary>
    public const string EveryFieldJobConfig = "jobconfig-every-field.json";

    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static JsonObject ReadObject(string name) => JsonNode.Parse(Read(name))!.AsObject();
}
