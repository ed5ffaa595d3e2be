using Furiko.Sdk.Models;

namespace Furiko.Samples.Demo;

/// <summary>What happened in one run of the demo, for its exit code and its tests.</summary>
internal sealed class DemoReport
{
    /// <summary>The Job's phases as the reconciler reported them, each change once.</summary>
    public List<JobPhase> Phases { get; } = [];

    /// <summary>Graceful deletes the engine sent that succeeded (Deleted or AlreadyGone).</summary>
    public int GracefulDeletes { get; set; }

    /// <summary>Forced deletes the engine sent that succeeded.</summary>
    public int ForcedDeletes { get; set; }

    /// <summary>Whether the story ended with the Job Killed.</summary>
    public bool Killed => Phases.Count > 0 && Phases[^1] == JobPhase.Killed;

    /// <summary>Whether the story stopped because a stuck task may not be forced (forbidTaskForceDeletion).</summary>
    public bool StoppedWithStuckTask { get; set; }

    /// <summary>The process exit code: 0 when the story reached its end, 1 otherwise.</summary>
    public int ExitCode => Killed || StoppedWithStuckTask ? 0 : 1;
}
