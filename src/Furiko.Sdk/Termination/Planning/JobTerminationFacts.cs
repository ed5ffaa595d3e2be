using Furiko.Sdk.Models;
using Furiko.Sdk.Serialization;
using NodaTime;

namespace Furiko.Sdk.Termination.Planning;

/// <summary>The facts about a Job's metadata and status the planner needs, read without allocating.</summary>
internal readonly struct JobTerminationFacts
{
    private JobTerminationFacts(Instant? deletedAt, bool hasFinalizer, bool hasAdmissionError)
    {
        DeletedAt = deletedAt;
        HasFinalizer = hasFinalizer;
        HasAdmissionError = hasAdmissionError;
    }

    /// <summary>The Job's <c>metadata.deletionTimestamp</c>; <see langword="null"/> when it is not being deleted.</summary>
    public Instant? DeletedAt { get; }

    /// <summary>Whether the Job is being deleted.</summary>
    public bool IsDeleting => DeletedAt is not null;

    /// <summary>Whether the Job has the finalizer <c>execution.furiko.io/delete-dependents-finalizer</c>.</summary>
    public bool HasFinalizer { get; }

    /// <summary>Whether the Job has the annotation <c>execution.furiko.io/admission-error</c>.</summary>
    public bool HasAdmissionError { get; }

    public static JobTerminationFacts Read(Job job)
    {
        var metadata = job.Metadata;
        if (metadata is null)
        {
            return default;
        }

        Instant? deletedAt = metadata.DeletionTimestamp is { } deletion
            ? KubernetesTimeConverter.ToInstant(deletion, "Job", "metadata.deletionTimestamp")
            : null;
        var hasFinalizer = false;
        if (metadata.Finalizers is { } finalizers)
        {
            for (var i = 0; i < finalizers.Count; i++)
            {
                if (string.Equals(finalizers[i], FurikoFinalizers.DeleteDependents, StringComparison.Ordinal))
                {
                    hasFinalizer = true;
                    break;
                }
            }
        }

        var hasAdmissionError = metadata.Annotations?.ContainsKey(FurikoAnnotations.AdmissionError) == true;
        return new JobTerminationFacts(deletedAt, hasFinalizer, hasAdmissionError);
    }

    /// <summary>Whether the Job's status already holds a tombstone for the task of that name.</summary>
    public static bool HasStoredTombstone(Job job, string taskName)
    {
        if (job.Status?.Tasks is not { } refs)
        {
            return false;
        }

        for (var i = 0; i < refs.Count; i++)
        {
            if (refs[i] is { } taskRef && string.Equals(taskRef.Name, taskName, StringComparison.Ordinal))
            {
                return taskRef.DeletedStatus is not null;
            }
        }

        return false;
    }
}
