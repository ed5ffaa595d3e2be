using System.Text.Json;
using k8s;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>Writes one watch event as the line the API server streams: <c>{"type":"ADDED","object":{...}}</c>.</summary>
internal static class WatchLine
{
    public static string Format(WatchEventType type, string objectJson) =>
        "{\"type\":" + JsonSerializer.Serialize(Name(type)) + ",\"object\":" + objectJson + "}";

    private static string Name(WatchEventType type) => type switch
    {
        WatchEventType.Added => "ADDED",
        WatchEventType.Modified => "MODIFIED",
        WatchEventType.Deleted => "DELETED",
        WatchEventType.Bookmark => "BOOKMARK",
        _ => "ERROR",
    };
}
