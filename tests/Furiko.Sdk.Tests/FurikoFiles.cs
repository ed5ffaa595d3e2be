namespace Furiko.Sdk.Tests;

/// <summary>Locates Furiko's reference files (CRDs, example manifests) copied next to the tests.</summary>
internal static class FurikoFiles
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "furiko");

    public static string JobCrd => Path.Combine(Root, "crds", "execution.furiko.io_jobs.yaml");

    public static string JobConfigCrd => Path.Combine(Root, "crds", "execution.furiko.io_jobconfigs.yaml");

    public static IEnumerable<string> Examples()
    {
        var files = Directory.GetFiles(Path.Combine(Root, "examples"), "*.yaml", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    public static TheoryData<string> ExampleNames()
    {
        var data = new TheoryData<string>();
        foreach (var file in Examples())
        {
            data.Add(Path.GetRelativePath(Path.Combine(Root, "examples"), file));
        }

        return data;
    }

    public static string Example(string relativeName) => Path.Combine(Root, "examples", relativeName);
}
