using System.Diagnostics.CodeAnalysis;
using k8s;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// One change seen by a watch: <see cref="WatchEventType.Added"/>, <see cref="WatchEventType.Modified"/> or
/// <see cref="WatchEventType.Deleted"/> (the SDK's watch never yields <c>Error</c> or <c>Bookmark</c>; it handles
/// them itself), and the object as it is after the change (for a deletion, as it was last). Immutable.
/// </summary>
/// <typeparam name="T">The object type, for example <see cref="Models.Job"/>.</typeparam>
/// <param name="Type">What happened.</param>
/// <param name="Object">The object.</param>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Named after the 'object' field of a Kubernetes watch event.")]
public readonly record struct WatchEvent<T>(WatchEventType Type, T Object);
