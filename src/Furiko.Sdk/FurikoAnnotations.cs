namespace Furiko.Sdk;

/// <summary>Annotations Furiko reads or writes.</summary>
public static class FurikoAnnotations
{
    /// <summary>
    /// On a task Pod: its parallel index as compact JSON, for example <c>{"indexNumber":0}</c>. The SDK groups
    /// tasks into indexes by this value, since the hash in the name can collide.
    /// </summary>
    public const string TaskParallelIndex = "execution.furiko.io/task-parallel-index";

    /// <summary>
    /// On a Job: set when a task could not be admitted (for example rejected as invalid); its value is the
    /// error. The Job then ends with result <c>AdmissionError</c> and creates no more tasks.
    /// </summary>
    public const string AdmissionError = "execution.furiko.io/admission-error";
}
