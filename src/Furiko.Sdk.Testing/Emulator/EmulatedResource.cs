namespace Furiko.Sdk.Testing.Emulator;

/// <summary>
/// One kind of object the emulator serves: where it lives in the API (group, version, plural), whether it is
/// namespaced, and which of the API server's per-resource rules apply to it. The built-in ones are the static
/// properties; <see cref="CustomResource"/> describes another CRD to serve through
/// <see cref="KubernetesEmulatorOptions.AdditionalResources"/>. Immutable and thread-safe.
/// </summary>
public sealed class EmulatedResource
{
    private static readonly string[] PodFields =
        ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "status.phase", "status.podIP", "status.nominatedNodeName"];

    private static readonly string[] CoreEventFields =
        ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion",
            "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"];

    private static readonly string[] EventsV1Fields =
        ["regarding.kind", "regarding.namespace", "regarding.name", "regarding.uid", "regarding.apiVersion", "reason", "reportingController", "type"];

    private EmulatedResource(
        string group, string version, string plural, string kind, bool isNamespaced, bool hasStatusSubresource, bool isCustomResource,
        IReadOnlyList<string> selectableFields)
    {
        Group = group;
        Version = version;
        Plural = plural;
        Kind = kind;
        IsNamespaced = isNamespaced;
        HasStatusSubresource = hasStatusSubresource;
        IsCustomResource = isCustomResource;
        SelectableFields = selectableFields;
    }

    /// <summary>Core v1 Pods: namespaced, with a status subresource and graceful deletion by a simulated kubelet.</summary>
    public static EmulatedResource Pods { get; } = new("", "v1", "pods", "Pod", true, true, false, PodFields);

    /// <summary>Core v1 Events (namespaced).</summary>
    public static EmulatedResource Events { get; } = new("", "v1", "events", "Event", true, false, false, CoreEventFields);

    /// <summary>
    /// <c>events.k8s.io/v1</c> Events (namespaced). Unlike a real cluster, these are stored apart from core v1 Events:
    /// an Event written through one API is not visible through the other.
    /// </summary>
    public static EmulatedResource EventsV1 { get; } = new("events.k8s.io", "v1", "events", "Event", true, false, false, EventsV1Fields);

    /// <summary>Core v1 Nodes: cluster-scoped, with a status subresource.</summary>
    public static EmulatedResource Nodes { get; } = new("", "v1", "nodes", "Node", false, true, false, ["spec.unschedulable"]);

    /// <summary><c>coordination.k8s.io/v1</c> Leases (namespaced), as KubernetesClient's leader election uses them.</summary>
    public static EmulatedResource Leases { get; } = new("coordination.k8s.io", "v1", "leases", "Lease", true, false, false, []);

    /// <summary>Furiko Jobs (<c>execution.furiko.io/v1alpha1</c>, plural <c>jobs</c>): a namespaced CRD with a status subresource.</summary>
    public static EmulatedResource FurikoJobs { get; } =
        CustomResource(FurikoApi.Group, FurikoApi.Version, FurikoApi.JobPlural, FurikoApi.JobKind, isNamespaced: true, hasStatusSubresource: true);

    /// <summary>Furiko JobConfigs (<c>execution.furiko.io/v1alpha1</c>, plural <c>jobconfigs</c>): a namespaced CRD with a status subresource.</summary>
    public static EmulatedResource FurikoJobConfigs { get; } =
        CustomResource(FurikoApi.Group, FurikoApi.Version, FurikoApi.JobConfigPlural, FurikoApi.JobConfigKind, isNamespaced: true, hasStatusSubresource: true);

    /// <summary>Every resource the emulator serves without configuration.</summary>
    public static IReadOnlyList<EmulatedResource> BuiltIn { get; } = [Pods, Events, EventsV1, Nodes, Leases, FurikoJobs, FurikoJobConfigs];

    /// <summary>The API group; empty for the core group.</summary>
    public string Group { get; }

    /// <summary>The API version, for example <c>v1</c>.</summary>
    public string Version { get; }

    /// <summary>The plural resource name used in paths, for example <c>pods</c>.</summary>
    public string Plural { get; }

    /// <summary>The kind of one object, for example <c>Pod</c>.</summary>
    public string Kind { get; }

    /// <summary>The kind of a list of these objects (<see cref="Kind"/> followed by <c>List</c>).</summary>
    public string ListKind => Kind + "List";

    /// <summary>Whether objects live in a namespace (true) or are cluster-scoped (false).</summary>
    public bool IsNamespaced { get; }

    /// <summary>
    /// Whether the resource has a <c>/status</c> subresource. When it has, the main resource ignores status changes
    /// and <c>/status</c> ignores everything but status, as on a real server.
    /// </summary>
    public bool HasStatusSubresource { get; }

    /// <summary>
    /// Whether the resource is served from a CustomResourceDefinition. Custom resources follow the rules of the
    /// real server's CRD handler: an update must carry <c>metadata.resourceVersion</c>, a body must name its
    /// <c>apiVersion</c> and <c>kind</c>, list items keep their kind, and a delete that removes the object answers
    /// with a <c>Status</c> rather than the object.
    /// </summary>
    public bool IsCustomResource { get; }

    /// <summary>
    /// Field paths this resource accepts in a <c>fieldSelector</c>, besides <c>metadata.name</c> and
    /// <c>metadata.namespace</c> which every resource accepts.
    /// </summary>
    public IReadOnlyList<string> SelectableFields { get; }

    /// <summary>The <c>apiVersion</c> field value: <c>group/version</c>, or just the version for the core group.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;

    /// <summary>The plural qualified with the group (<c>jobs.execution.furiko.io</c>), as error messages name a resource.</summary>
    public string QualifiedPlural => Group.Length == 0 ? Plural : Plural + "." + Group;

    /// <summary>The kind qualified with the group (<c>Job.execution.furiko.io</c>), as validation errors name a kind.</summary>
    public string QualifiedKind => Group.Length == 0 ? Kind : Kind + "." + Group;

    /// <summary>Describes a custom resource (served like a CRD) for <see cref="KubernetesEmulatorOptions.AdditionalResources"/>.</summary>
    /// <param name="group">The API group, not empty.</param>
    /// <param name="version">The served version.</param>
    /// <param name="plural">The plural name used in paths.</param>
    /// <param name="kind">The kind of one object.</param>
    /// <param name="isNamespaced">Whether objects are namespaced.</param>
    /// <param name="hasStatusSubresource">Whether the CRD enables the status subresource.</param>
    /// <returns>The description.</returns>
    /// <exception cref="ArgumentException">A name is empty.</exception>
    public static EmulatedResource CustomResource(string group, string version, string plural, string kind, bool isNamespaced, bool hasStatusSubresource)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(group);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentException.ThrowIfNullOrWhiteSpace(plural);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        return new EmulatedResource(group, version, plural, kind, isNamespaced, hasStatusSubresource, true, []);
    }

    /// <summary>
    /// The JSON path a field-selector label reads: the label itself, except where the API server maps a label to
    /// another field (core Events select <c>source</c> by <c>source.component</c>).
    /// </summary>
    internal string FieldPath(string label) =>
        Group.Length == 0 && Plural == "events" && label == "source" ? "source.component" : label;

    /// <summary>Whether a DELETE that removes the object answers with the object (Pods) rather than a success Status.</summary>
    internal bool ReturnsDeletedObject => Group.Length == 0 && Plural == "pods";

    /// <summary>Whether deletion of this resource is graceful (the Pod rules of the deletion table).</summary>
    internal bool IsPod => ReferenceEquals(this, Pods);

    /// <summary>Whether this resource is the emulator's Nodes.</summary>
    internal bool IsNode => ReferenceEquals(this, Nodes);

    /// <summary>Whether an update may omit <c>metadata.resourceVersion</c> (built-ins allow it, CRDs do not).</summary>
    internal bool AllowsUnconditionalUpdate => !IsCustomResource;

    /// <inheritdoc />
    public override string ToString() => $"{QualifiedPlural}/{Version}";
}
