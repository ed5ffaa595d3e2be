using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// A typed client for one kind of Furiko object (Job or JobConfig) over KubernetesClient's CustomObjects API:
/// read, list, watch, create, merge-patch, replace status, remove a finalizer and delete, each in a namespace.
/// Calls that fail for a passing reason are retried (<see cref="KubernetesRetryOptions"/>); failures surface as
/// <see cref="FurikoApiException"/> and its subclasses, bodies that do not fit the model as
/// <see cref="Serialization.FurikoSerializationException"/>. Implementations are thread-safe.
/// </summary>
/// <typeparam name="TObject">The object type.</typeparam>
/// <typeparam name="TList">The list type.</typeparam>
public interface IFurikoResourceClient<TObject, TList>
    where TObject : class, IKubernetesObject<V1ObjectMeta>
    where TList : class, IKubernetesObject<V1ListMeta>, IItems<TObject>
{
    /// <summary>Reads an object.</summary>
    /// <param name="namespaceName">The namespace.</param>
    /// <param name="name">The object's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The object.</returns>
    /// <exception cref="FurikoApiNotFoundException">There is no such object.</exception>
    Task<TObject> GetAsync(string namespaceName, string name, CancellationToken cancellationToken = default);

    /// <summary>Lists one page of objects.</summary>
    /// <param name="namespaceName">The namespace; <see langword="null"/> for all namespaces.</param>
    /// <param name="options">Selectors, page size and continue token; <see langword="null"/> for everything in one call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page; <c>metadata.continue</c> holds the token of the next page when there is one, and <c>metadata.resourceVersion</c> the version to watch from.</returns>
    Task<TList> ListAsync(string? namespaceName, ListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists every matching object, following continue tokens page by page. If a continue token expires
    /// (410 Gone) part-way, the listing starts over, a few times at most.
    /// </summary>
    /// <param name="namespaceName">The namespace; <see langword="null"/> for all namespaces.</param>
    /// <param name="options">Selectors and page size (<see cref="ListOptions.Limit"/>, default 500); <see cref="ListOptions.Continue"/> must be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>One list with all the objects, the first page's <c>metadata.resourceVersion</c> and no continue token.</returns>
    Task<TList> ListAllAsync(string? namespaceName, ListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Watches objects until cancelled. Without <see cref="WatchOptions.ResourceVersion"/> it first lists them and
    /// yields each as <see cref="WatchEventType.Added"/>. When a connection ends (server time limit, network
    /// failure) it reconnects from the last resourceVersion it saw, so nothing is missed or repeated. When the
    /// server answers 410 Gone ("too old resource version": the history it would resume from is gone), it lists
    /// again and yields the difference between the list and what it had yielded: <see cref="WatchEventType.Added"/>
    /// for each listed object it had not yielded (or had yielded as deleted, or that now has another UID),
    /// <see cref="WatchEventType.Modified"/> for each whose resourceVersion changed, nothing for unchanged ones, then
    /// <see cref="WatchEventType.Deleted"/> (with its last yielded state) for each yielded object the list no longer
    /// has (or that was replaced by one with another UID, before that one's Added), and resumes from the list's
    /// resourceVersion. A watch started from a caller's resourceVersion only knows what it yielded itself, so a
    /// deletion of an object it never yielded cannot be reported after a 410; leave the resourceVersion unset to be
    /// told about every deletion. Bookmarks and ERROR events are handled inside and never yielded.
    /// The stream is read through KubernetesClient's own watch support, which only reads responses produced by a
    /// <c>k8s.Kubernetes</c>: give one (with any HTTP handler behind it); another <see cref="IKubernetes"/> makes the
    /// watch fail with <see cref="InvalidOperationException"/>.
    /// </summary>
    /// <param name="namespaceName">The namespace; <see langword="null"/> for all namespaces.</param>
    /// <param name="options">Selectors, start resourceVersion and connection time limit.</param>
    /// <param name="cancellationToken">Stops the watch.</param>
    /// <returns>The changes, in the order the server reports them.</returns>
    /// <exception cref="FurikoApiTransientException">Connecting failed <see cref="KubernetesRetryOptions.MaxAttempts"/> times in a row.</exception>
    /// <exception cref="FurikoApiException">The server refused the watch (for example 403 Forbidden).</exception>
    /// <exception cref="InvalidOperationException">The <see cref="IKubernetes"/> did not produce a watch stream KubernetesClient can read.</exception>
    IAsyncEnumerable<WatchEvent<TObject>> WatchAsync(string? namespaceName, WatchOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates an object. It needs <c>metadata.name</c> or <c>metadata.generateName</c>; its
    /// <c>metadata.namespace</c> must be unset or equal to <paramref name="namespaceName"/>. A named create is
    /// retried like any call (a retry after an earlier attempt that may have landed then answers 409
    /// AlreadyExists, and the message says so); a create with only a generated name is retried only when the
    /// request certainly never reached the server (429, connection refused), because a retry could create a second object.
    /// </summary>
    /// <param name="namespaceName">The namespace.</param>
    /// <param name="value">The object; not changed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The object as created (with uid, resourceVersion, defaults).</returns>
    /// <exception cref="FurikoApiConflictException">An object of that name exists (<see cref="FurikoApiConflictException.IsAlreadyExists"/>).</exception>
    Task<TObject> CreateAsync(string namespaceName, TObject value, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies a JSON merge patch (RFC 7386, <c>application/merge-patch+json</c>). A property set to JSON
    /// <c>null</c> is removed from the object, which is why the patch is a <see cref="JsonObject"/> (or text)
    /// rather than a model: KubernetesClient's serializer drops null properties. Put
    /// <c>metadata.resourceVersion</c> in the patch to make it conditional (409 Conflict when the object changed).
    /// </summary>
    /// <param name="namespaceName">The namespace.</param>
    /// <param name="name">The object's name.</param>
    /// <param name="patch">The patch; sent exactly as <see cref="JsonNode.ToJsonString"/> writes it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The object after the patch.</returns>
    Task<TObject> MergePatchAsync(string namespaceName, string name, JsonObject patch, CancellationToken cancellationToken = default);

    /// <summary>Applies a JSON merge patch given as text; the bytes are sent unchanged.</summary>
    /// <param name="namespaceName">The namespace.</param>
    /// <param name="name">The object's name.</param>
    /// <param name="patch">The patch: a JSON object.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The object after the patch.</returns>
    /// <exception cref="ArgumentException">The text is not a JSON object.</exception>
    Task<TObject> MergePatchAsync(string namespaceName, string name, string patch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the object's status through the <c>status</c> subresource. The object must carry its namespace, name
    /// and <c>metadata.resourceVersion</c>: the write is conditional on it (409 Conflict when someone changed the
    /// object since it was read). The server ignores every change outside <c>status</c>.
    /// </summary>
    /// <param name="value">The object with its new status; not changed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The object after the write.</returns>
    /// <exception cref="FurikoApiConflictException">The resourceVersion is stale.</exception>
    Task<TObject> ReplaceStatusAsync(TObject value, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes a finalizer from the object, leaving every other finalizer, also one added concurrently. It sends a
    /// JSON patch that tests the finalizer's position in <c>metadata.finalizers</c> before removing it there, so
    /// the patch fails (and is re-read and recomputed, a few times at most) only when the list changed at or before
    /// that position; unlike a merge patch guarded by resourceVersion, an unrelated change (a status write) does not
    /// make it fail. Nothing is sent when the object does not have the finalizer.
    /// </summary>
    /// <param name="namespaceName">The namespace.</param>
    /// <param name="name">The object's name.</param>
    /// <param name="finalizer">The finalizer, for example <see cref="FurikoFinalizers.DeleteDependents"/>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The object without the finalizer (as read, when it had none).</returns>
    /// <exception cref="FurikoApiNotFoundException">There is no such object (also when it went away because the finalizer was its last).</exception>
    Task<TObject> RemoveFinalizerAsync(string namespaceName, string name, string finalizer, CancellationToken cancellationToken = default);

    /// <summary>Deletes an object (an object with finalizers stays, marked for deletion, until they are removed).</summary>
    /// <param name="namespaceName">The namespace.</param>
    /// <param name="name">The object's name.</param>
    /// <param name="options">Propagation policy and preconditions; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server accepted the deletion.</returns>
    /// <exception cref="FurikoApiNotFoundException">There is no such object.</exception>
    /// <exception cref="FurikoApiConflictException">A precondition does not hold.</exception>
    Task DeleteAsync(string namespaceName, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default);
}
