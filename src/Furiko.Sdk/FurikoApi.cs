namespace Furiko.Sdk;

/// <summary>Names of Furiko's API: group, version and resources.</summary>
public static class FurikoApi
{
    /// <summary>The API group of Furiko's execution resources.</summary>
    public const string Group = "execution.furiko.io";

    /// <summary>The API version the SDK speaks.</summary>
    public const string Version = "v1alpha1";

    /// <summary>The <c>apiVersion</c> field value: group and version.</summary>
    public const string GroupVersion = Group + "/" + Version;

    /// <summary>The kind of a Job.</summary>
    public const string JobKind = "Job";

    /// <summary>The kind of a list of Jobs.</summary>
    public const string JobListKind = "JobList";

    /// <summary>The plural resource name of Jobs, as in REST paths.</summary>
    public const string JobPlural = "jobs";

    /// <summary>The kind of a JobConfig.</summary>
    public const string JobConfigKind = "JobConfig";

    /// <summary>The kind of a list of JobConfigs.</summary>
    public const string JobConfigListKind = "JobConfigList";

    /// <summary>The plural resource name of JobConfigs, as in REST paths.</summary>
    public const string JobConfigPlural = "jobconfigs";
}
