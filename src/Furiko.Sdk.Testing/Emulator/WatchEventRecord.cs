using System.Text.Json.Nodes;
using k8s;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>
/// One committed change, as kept in the watch history and fanned out to open watches. The objects are never
/// changed after the commit, so the record can be shared.
/// </summary>
/// <param name="ResourceVersion">The resourceVersion of the change.</param>
/// <param name="Resource">The resource of the changed object.</param>
/// <param name="Type">Added, Modified or Deleted.</param>
/// <param name="Object">The object after the change (for a deletion: its last state, with the deletion's resourceVersion).</param>
/// <param name="Previous">The object before a modification, so a filtered watch can tell it entered or left the filter.</param>
internal sealed record WatchEventRecord(long ResourceVersion, EmulatedResource Resource, WatchEventType Type, JsonObject Object, JsonObject? Previous)
{
    private string? _objectJson;

    /// <summary>The object as JSON text, serialized once and shared by every watch.</summary>
    public string ObjectJson => _objectJson ??= Object.ToJsonString();
}
