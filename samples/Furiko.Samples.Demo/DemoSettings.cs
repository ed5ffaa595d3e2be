using NodaTime;

namespace Furiko.Samples.Demo;

/// <summary>What the demo does: the Job it kills and the timings of the story.</summary>
/// <param name="ForbidForceDeletion">Sets <c>spec.template.forbidTaskForceDeletion</c> on the Job.</param>
internal sealed record DemoSettings(bool ForbidForceDeletion)
{
    /// <summary>The namespace of the demo's Job and Pods.</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>The Job's name.</summary>
    public string JobName { get; init; } = "nightly-report";

    /// <summary>How long after the tasks run the kill is requested for.</summary>
    public Duration KillAfter { get; init; } = Duration.FromSeconds(5);

    /// <summary>The (shortened) force-deletion timeout, in seconds; Furiko's default is 900.</summary>
    public long ForceDeleteTimeoutSeconds { get; init; } = 30;

    /// <summary>Each task's <c>terminationGracePeriodSeconds</c>, one per parallel index.</summary>
    public IReadOnlyList<long> GracePeriods { get; init; } = [3, 5, 8];

    /// <summary>How much demo time passes between two looks at the Job.</summary>
    public Duration Step { get; init; } = Duration.FromSeconds(1);

    /// <summary>The demo gives up (exit 1) when the story takes longer than this much demo time.</summary>
    public Duration GiveUpAfter { get; init; } = Duration.FromMinutes(10);
}
