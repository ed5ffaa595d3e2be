namespace Furiko.Sdk;

/// <summary>Finalizers Furiko puts on its objects.</summary>
public static class FurikoFinalizers
{
    /// <summary>
    /// On a Job: held until every task of the Job is gone, so deleting a Job first kills its tasks.
    /// </summary>
    public const string DeleteDependents = "execution.furiko.io/delete-dependents-finalizer";
}
