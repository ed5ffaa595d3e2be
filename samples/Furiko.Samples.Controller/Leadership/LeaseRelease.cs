using System.Net;
using k8s;
using k8s.Autorest;

namespace Furiko.Samples.Controller.Leadership;

/// <summary>
/// Gives up a Lease this replica holds, as client-go's <c>ReleaseOnCancel</c> does: the holder is cleared (an empty
/// string), so another replica's elector takes the Lease at its next attempt instead of waiting for it to expire.
/// The write is conditional on the Lease's resourceVersion, so a Lease taken over meanwhile is left alone. Stateless;
/// thread-safe.
/// </summary>
internal static class LeaseRelease
{
    /// <summary>Releases the Lease if <paramref name="target"/>'s identity holds it.</summary>
    /// <param name="kubernetes">The Kubernetes client.</param>
    /// <param name="target">The Lease and this replica's identity.</param>
    /// <param name="cancellationToken">Abandons the release (the Lease then simply expires).</param>
    /// <returns>Whether the Lease was released.</returns>
    public static async Task<bool> ReleaseAsync(IKubernetes kubernetes, LeaseTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        ArgumentNullException.ThrowIfNull(target);
        try
        {
            var lease = await kubernetes.CoordinationV1.ReadNamespacedLeaseAsync(target.Name, target.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (lease.Spec?.HolderIdentity != target.Identity)
            {
                return false;
            }

            // Empty, not null: KubernetesClient's elector treats a null holder as "no Lease yet" and tries to create one.
            lease.Spec.HolderIdentity = string.Empty;
            lease.Spec.LeaseDurationSeconds = 1;
            await kubernetes.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, target.Name, target.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (HttpOperationException error) when (error.Response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            // Gone, or someone else wrote it since: not ours to release.
            return false;
        }
    }
}
