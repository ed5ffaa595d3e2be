namespace Furiko.Sdk;

/// <summary>Labels Furiko puts on the objects it creates.</summary>
public static class FurikoLabels
{
    /// <summary>On a task Pod: the UID of the Job that owns it. Select a Job's Pods with <c>execution.furiko.io/job-uid=&lt;uid&gt;</c>.</summary>
    public const string JobUid = "execution.furiko.io/job-uid";

    /// <summary>On a task Pod: its retry index, a decimal number from 0.</summary>
    public const string TaskRetryIndex = "execution.furiko.io/task-retry-index";

    /// <summary>On a task Pod: the six-character hash of its parallel index (also part of the Pod's name).</summary>
    public const string TaskParallelIndexHash = "execution.furiko.io/task-parallel-index-hash";

}
