using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// The implementation shared by <see cref="JobClient"/> and <see cref="JobConfigClient"/>: every call goes through
/// KubernetesClient's CustomObjects interface methods of the given <see cref="IKubernetes"/> (which this client
/// never disposes), with the SDK's retries and exception mapping. Thread-safe.
/// </summary>
/// <typeparam name="TObject">The object type.</typeparam>
/// <typeparam name="TList">The list type.</typeparam>
public abstract class FurikoResourceClient<TObject, TList> : IFurikoResourceClient<TObject, TList>
    where TObject : class, IKubernetesObject<V1ObjectMeta>
    where TList : class, IKubernetesObject<V1ListMeta>, IItems<TObject>
{
    /// <summary>The page size <see cref="ListAllAsync"/> uses when none is given.</summary>
    public const int DefaultPageSize = 500;

    private const int MaxListRestarts = 3;
    private const int MaxFinalizerRemovalAttempts = 5;

    private readonly IKubernetes _kubernetes;
    private readonly ApiCallRunner _runner;
    private readonly ResourceKind _kind;

    private protected FurikoResourceClient(IKubernetes kubernetes, KubernetesRetryOptions retryOptions, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        _kubernetes = kubernetes;
        _runner = new ApiCallRunner(retryOptions, timeProvider);
        _kind = ResourceKind.Of(typeof(TObject));
    }

    private ICustomObjectsOperations CustomObjects => _kubernetes.CustomObjects;

    /// <inheritdoc />
    public Task<TObject> GetAsync(string namespaceName, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(namespaceName);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var call = _kind.Call("get", namespaceName, name);
        return _runner.RunAsync(
            call,
            RetrySafety.Idempotent,
            async ct =>
            {
                using var response = await CustomObjects.GetNamespacedCustomObjectWithHttpMessagesAsync(
                    _kind.Group, _kind.Version, namespaceName, _kind.Plural, name, cancellationToken: ct).ConfigureAwait(false);
                return ResponseBodies.Read<TObject>(response.Body, call);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<TList> ListAsync(string? namespaceName, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        EnsureNamespaceOrAll(namespaceName);
        options ??= new ListOptions();
        options.Validate(nameof(options));
        return ListPageAsync(namespaceName, options, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<TList> ListAllAsync(string? namespaceName, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        EnsureNamespaceOrAll(namespaceName);
        options ??= new ListOptions();
        options.Validate(nameof(options));
        if (options.Continue is not null)
        {
            throw new ArgumentException($"{nameof(ListOptions)}.{nameof(ListOptions.Continue)} must be null for {nameof(ListAllAsync)}: it lists from the first page.", nameof(options));
        }

        var pageOptions = options with { Limit = options.Limit ?? DefaultPageSize };
        for (var restart = 0; ; restart++)
        {
            TList? all = null;
            try
            {
                string? token = null;
                do
                {
                    var page = await ListPageAsync(namespaceName, pageOptions with { Continue = token }, cancellationToken).ConfigureAwait(false);
                    if (all is null)
                    {
                        all = page;
                        all.Items = new List<TObject>(page.Items ?? []);
                    }
                    else
                    {
                        foreach (var item in page.Items ?? [])
                        {
                            all.Items.Add(item);
                        }
                    }

                    token = string.IsNullOrEmpty(page.Metadata?.ContinueProperty) ? null : page.Metadata.ContinueProperty;
                }
                while (token is not null);

                all.Metadata ??= new V1ListMeta();
                all.Metadata.ContinueProperty = null;
                all.Metadata.RemainingItemCount = null;
                return all;
            }
            catch (FurikoApiException ex) when (ex.StatusCode == HttpStatusCode.Gone && all is not null && restart < MaxListRestarts)
            {
                // The continue token expired between pages (410): the snapshot is gone, so start over.
            }
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<WatchEvent<TObject>> WatchAsync(string? namespaceName, WatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        EnsureNamespaceOrAll(namespaceName);
        options ??= new WatchOptions();
        options.Validate(nameof(options));
        var watcher = new ResourceWatcher<TObject>(
            _kind.Call("watch", namespaceName, null),
            _runner.Options,
            _runner.TimeProvider,
            async ct =>
            {
                var list = await ListAllAsync(namespaceName, new ListOptions { LabelSelector = options.LabelSelector, FieldSelector = options.FieldSelector }, ct).ConfigureAwait(false);
                return (list.Items ?? [], list.Metadata?.ResourceVersion);
            },
            (resourceVersion, onError, ct) => OpenWatch(namespaceName, options, resourceVersion, onError, ct));
        return watcher.RunAsync(options.ResourceVersion, cancellationToken);
    }

    /// <inheritdoc />
    public Task<TObject> CreateAsync(string namespaceName, TObject value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(namespaceName);
        ArgumentNullException.ThrowIfNull(value);
        var metadata = value.Metadata ?? throw new ArgumentException($"The {_kind.Kind} has no metadata: give metadata.name or metadata.generateName.", nameof(value));
        if (metadata.NamespaceProperty is { Length: > 0 } own && !string.Equals(own, namespaceName, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The {_kind.Kind}'s metadata.namespace is '{own}' but it is being created in namespace '{namespaceName}'.", nameof(value));
        }

        if (string.IsNullOrEmpty(metadata.Name) && string.IsNullOrEmpty(metadata.GenerateName))
        {
            throw new ArgumentException($"The {_kind.Kind} has neither metadata.name nor metadata.generateName.", nameof(value));
        }

        // A named create cannot act twice (a repeat answers 409 AlreadyExists), so every transient failure is
        // retried; with only a generated name a repeat would create a second object.
        var safety = string.IsNullOrEmpty(metadata.Name) ? RetrySafety.OnlyIfNotSent : RetrySafety.Idempotent;
        var call = _kind.Call("create", namespaceName, string.IsNullOrEmpty(metadata.Name) ? null : metadata.Name);
        return _runner.RunAsync(
            call,
            safety,
            async ct =>
            {
                using var response = await CustomObjects.CreateNamespacedCustomObjectWithHttpMessagesAsync(
                    value, _kind.Group, _kind.Version, namespaceName, _kind.Plural, cancellationToken: ct).ConfigureAwait(false);
                return ResponseBodies.Read<TObject>(response.Body, call);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<TObject> MergePatchAsync(string namespaceName, string name, JsonObject patch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        return MergePatchAsync(namespaceName, name, patch.ToJsonString(), cancellationToken);
    }

    /// <inheritdoc />
    public Task<TObject> MergePatchAsync(string namespaceName, string name, string patch, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(namespaceName);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(patch);
        MergePatchText.EnsureObject(patch, nameof(patch));
        return SendPatchAsync(namespaceName, name, new V1Patch(patch, V1Patch.PatchType.MergePatch), cancellationToken);
    }

    /// <inheritdoc />
    public Task<TObject> ReplaceStatusAsync(TObject value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        var metadata = value.Metadata;
        if (metadata is null || string.IsNullOrEmpty(metadata.NamespaceProperty) || string.IsNullOrEmpty(metadata.Name))
        {
            throw new ArgumentException($"The {_kind.Kind} needs metadata.namespace and metadata.name to replace its status.", nameof(value));
        }

        if (string.IsNullOrEmpty(metadata.ResourceVersion))
        {
            throw new ArgumentException(
                $"{_kind.Kind} {metadata.NamespaceProperty}/{metadata.Name} has no metadata.resourceVersion: a status write must be conditional on the version it was computed from.",
                nameof(value));
        }

        var call = _kind.Call("update", metadata.NamespaceProperty, metadata.Name, "status");
        return _runner.RunAsync(
            call,
            RetrySafety.Idempotent,
            async ct =>
            {
                using var response = await CustomObjects.ReplaceNamespacedCustomObjectStatusWithHttpMessagesAsync(
                    value, _kind.Group, _kind.Version, metadata.NamespaceProperty, _kind.Plural, metadata.Name, cancellationToken: ct).ConfigureAwait(false);
                return ResponseBodies.Read<TObject>(response.Body, call);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<TObject> RemoveFinalizerAsync(string namespaceName, string name, string finalizer, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(namespaceName);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(finalizer);
        for (var attempt = 1; ; attempt++)
        {
            var current = await GetAsync(namespaceName, name, cancellationToken).ConfigureAwait(false);
            var patch = FinalizerRemovalPatch.Build(current.Metadata?.Finalizers, finalizer);
            if (patch is null)
            {
                return current;
            }

            try
            {
                return await SendPatchAsync(namespaceName, name, new V1Patch(patch, V1Patch.PatchType.JsonPatch), cancellationToken).ConfigureAwait(false);
            }
            catch (FurikoApiInvalidException) when (attempt < MaxFinalizerRemovalAttempts)
            {
                // A test operation failed: the finalizer list changed at or before our positions. Read again.
            }
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string namespaceName, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(namespaceName);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var body = DeleteBody(options);
        return _runner.RunAsync(
            _kind.Call("delete", namespaceName, name),
            RetrySafety.Idempotent,
            async ct =>
            {
                using var response = await CustomObjects.DeleteNamespacedCustomObjectWithHttpMessagesAsync(
                    _kind.Group, _kind.Version, namespaceName, _kind.Plural, name, body: body, cancellationToken: ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    private static V1DeleteOptions? DeleteBody(DeleteOptions? options)
    {
        if (options is null || (options.Propagation is null && options.PreconditionUid is null && options.PreconditionResourceVersion is null))
        {
            return null;
        }

        return new V1DeleteOptions
        {
            PropagationPolicy = options.Propagation?.ToString(),
            Preconditions = options.PreconditionUid is null && options.PreconditionResourceVersion is null
                ? null
                : new V1Preconditions { Uid = options.PreconditionUid, ResourceVersion = options.PreconditionResourceVersion },
        };
    }

    private static void EnsureNamespaceOrAll(string? namespaceName)
    {
        if (namespaceName is { Length: 0 })
        {
            throw new ArgumentException("The namespace is empty; give a namespace, or null for all namespaces.", nameof(namespaceName));
        }
    }

    private Task<TObject> SendPatchAsync(string namespaceName, string name, V1Patch patch, CancellationToken cancellationToken)
    {
        var call = _kind.Call("patch", namespaceName, name);
        return _runner.RunAsync(
            call,
            RetrySafety.Idempotent,
            async ct =>
            {
                using var response = await CustomObjects.PatchNamespacedCustomObjectWithHttpMessagesAsync(
                    patch, _kind.Group, _kind.Version, namespaceName, _kind.Plural, name, cancellationToken: ct).ConfigureAwait(false);
                return ResponseBodies.Read<TObject>(response.Body, call);
            },
            cancellationToken);
    }

    private Task<TList> ListPageAsync(string? namespaceName, ListOptions options, CancellationToken cancellationToken)
    {
        var call = _kind.Call("list", namespaceName, null);
        return _runner.RunAsync(
            call,
            RetrySafety.Idempotent,
            async ct =>
            {
                using var response = namespaceName is null
                    ? await CustomObjects.ListCustomObjectForAllNamespacesWithHttpMessagesAsync(
                        _kind.Group, _kind.Version, _kind.Plural, continueParameter: options.Continue, fieldSelector: options.FieldSelector,
                        labelSelector: options.LabelSelector, limit: options.Limit, cancellationToken: ct).ConfigureAwait(false)
                    : await CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync(
                        _kind.Group, _kind.Version, namespaceName, _kind.Plural, continueParameter: options.Continue, fieldSelector: options.FieldSelector,
                        labelSelector: options.LabelSelector, limit: options.Limit, cancellationToken: ct).ConfigureAwait(false);
                return ResponseBodies.Read<TList>(response.Body, call);
            },
            cancellationToken);
    }

    private IAsyncEnumerable<(WatchEventType Type, object Object)> OpenWatch(
        string? namespaceName, WatchOptions options, string? resourceVersion, Action<Exception> onError, CancellationToken cancellationToken) =>
        namespaceName is null
            ? CustomObjects.WatchListCustomObjectForAllNamespacesAsync(
                _kind.Group, _kind.Version, _kind.Plural, allowWatchBookmarks: true, fieldSelector: options.FieldSelector,
                labelSelector: options.LabelSelector, resourceVersion: resourceVersion, timeoutSeconds: options.TimeoutSeconds,
                onError: onError, cancellationToken: cancellationToken)
            : CustomObjects.WatchListNamespacedCustomObjectAsync(
                _kind.Group, _kind.Version, namespaceName, _kind.Plural, allowWatchBookmarks: true, fieldSelector: options.FieldSelector,
                labelSelector: options.LabelSelector, resourceVersion: resourceVersion, timeoutSeconds: options.TimeoutSeconds,
                onError: onError, cancellationToken: cancellationToken);
}
