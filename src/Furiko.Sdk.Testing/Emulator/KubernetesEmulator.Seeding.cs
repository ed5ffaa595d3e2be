using System.Text.Json.Nodes;
using Furiko.Sdk.Models;
using k8s.Models;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>Seeding: putting objects, nodes and running Pods in place without going through HTTP.</summary>
public sealed partial class KubernetesEmulator
{
    /// <summary>
    /// Adds a healthy Node (Ready condition True) whose simulated kubelet carries out graceful Pod deletions.
    /// Emits an ADDED watch event.
    /// </summary>
    /// <param name="name">The node name.</param>
    /// <param name="labels">Extra labels (<c>kubernetes.io/hostname</c> is always set).</param>
    /// <returns>The stored Node.</returns>
    /// <exception cref="ArgumentException">The name is empty or invalid, or a Node with that name exists.</exception>
    public V1Node AddNode(string name, IReadOnlyDictionary<string, string>? labels = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return EmulatorJson.ToTyped<V1Node>(_server.Seed(EmulatedResource.Nodes, NodeHealth.NewNode(name, labels, _server.Now)));
    }

    /// <summary>
    /// Marks a node's kubelet as unreachable: its Ready condition becomes Unknown and it gets the
    /// <c>node.kubernetes.io/unreachable</c> taints. Pods on it that are deleted gracefully stay Terminating
    /// until force-deleted (or until the node comes back).
    /// </summary>
    /// <param name="name">The node name.</param>
    /// <exception cref="ArgumentException">No such Node.</exception>
    public void MarkNodeDown(string name) => _server.SetNodeHealth(name, healthy: false);

    /// <summary>
    /// Marks a node's kubelet healthy again. Graceful deletions of its Pods that were left waiting are carried out
    /// at the next request or <see cref="ProcessDueWork"/>.
    /// </summary>
    /// <param name="name">The node name.</param>
    /// <exception cref="ArgumentException">No such Node.</exception>
    public void MarkNodeUp(string name) => _server.SetNodeHealth(name, healthy: true);

    /// <summary>
    /// Adds a Pod that is already scheduled and Running: every container started and ready at the current time.
    /// The Pod's <c>spec.nodeName</c> must be set; the Node is added if it does not exist. A Pod without containers
    /// gets one named <c>main</c>. Emits an ADDED watch event.
    /// </summary>
    /// <param name="pod">The Pod: name, namespace, node and whatever labels or spec the test needs.</param>
    /// <returns>The stored Pod, with uid, resourceVersion and status.</returns>
    /// <exception cref="ArgumentException">The Pod has no name, namespace or node, or already exists.</exception>
    public V1Pod AddRunningPod(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var node = pod.Spec?.NodeName;
        if (string.IsNullOrEmpty(node))
        {
            throw new ArgumentException($"The Pod \"{pod.Metadata?.Name}\" needs spec.nodeName to be running.", nameof(pod));
        }

        if (!_server.HasNode(node))
        {
            AddNode(node);
        }

        var json = RunningPod.Build(EmulatorJson.ToJson(pod), _server.Now);
        return EmulatorJson.ToTyped<V1Pod>(_server.Seed(EmulatedResource.Pods, json));
    }

    /// <summary>Adds a running Pod with one container, as <see cref="AddRunningPod(V1Pod)"/> does.</summary>
    /// <param name="namespace">The namespace.</param>
    /// <param name="name">The Pod name.</param>
    /// <param name="nodeName">The node it runs on (added if missing).</param>
    /// <param name="labels">Labels, for example Furiko's <c>execution.furiko.io/job-uid</c>.</param>
    /// <returns>The stored Pod.</returns>
    /// <exception cref="ArgumentException">The Pod already exists or a name is invalid.</exception>
    public V1Pod AddRunningPod(string @namespace, string name, string nodeName, IReadOnlyDictionary<string, string>? labels = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(@namespace);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeName);
        return AddRunningPod(new V1Pod
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = @namespace,
                Labels = labels?.ToDictionary(l => l.Key, l => l.Value),
            },
            Spec = new V1PodSpec { NodeName = nodeName },
        });
    }

    /// <summary>
    /// Adds a Furiko Job as given, status included (unlike a create through the API, which drops the status).
    /// Emits an ADDED watch event.
    /// </summary>
    /// <param name="job">The Job; its metadata needs a name (or generateName) and a namespace.</param>
    /// <returns>The stored Job, with uid, resourceVersion, generation and creationTimestamp.</returns>
    /// <exception cref="ArgumentException">The Job has no name or namespace, or already exists.</exception>
    public Job AddJob(Job job) => Add(job);

    /// <summary>
    /// Adds any object of a served resource as given, status included, with server metadata (uid,
    /// resourceVersion, generation 1, creationTimestamp) added. The resource comes from the type's
    /// <c>KubernetesEntity</c> attribute. Emits an ADDED watch event.
    /// </summary>
    /// <typeparam name="T">A KubernetesClient or Furiko model type, for example <c>V1Pod</c>, <c>V1Lease</c>, <c>Job</c>.</typeparam>
    /// <param name="obj">The object.</param>
    /// <returns>The stored object.</returns>
    /// <exception cref="ArgumentException">The type is not served, or the object has no name or namespace, or already exists.</exception>
    public T Add<T>(T obj)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(obj);
        return EmulatorJson.ToTyped<T>(_server.Seed(ResourceOf<T>(), EmulatorJson.ToJson(obj)));
    }

    /// <summary>Adds an object given as JSON (unknown fields are kept), as <see cref="Add{T}"/> does.</summary>
    /// <param name="resource">The resource to add it to.</param>
    /// <param name="obj">The object.</param>
    /// <returns>A copy of the stored object.</returns>
    /// <exception cref="ArgumentException">The resource is not served, or the object cannot be stored.</exception>
    public JsonObject AddJson(EmulatedResource resource, JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(obj);
        return _server.Seed(_server.Registry.Resolve(resource), (JsonObject)obj.DeepClone());
    }

    private EmulatedResource ResourceOf<T>()
    {
        var entity = EmulatorJson.EntityOf<T>();
        return _server.Registry.Resolve(entity.Group ?? "", entity.ApiVersion, entity.PluralName, typeof(T).Name);
    }
}
