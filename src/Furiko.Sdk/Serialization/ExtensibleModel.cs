using System.Text.Json;
using System.Text.Json.Serialization;

namespace Furiko.Sdk.Serialization;

/// <summary>
/// Base of every Furiko-owned model object: JSON properties the SDK does not know (for example fields
/// added by a newer Furiko) are kept here and written back, so a read-modify-write loses nothing.
/// </summary>
public abstract class ExtensibleModel
{
    /// <summary>
    /// Properties of this object that the model does not declare, in the order read.
    /// <see langword="null"/> when there were none.
    /// </summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? UnknownFields { get; set; }

    /// <summary>A copy of <see cref="UnknownFields"/> for a deep clone (the values themselves are immutable).</summary>
    /// <returns>A new dictionary, or <see langword="null"/> when there are no unknown fields.</returns>
    protected IDictionary<string, JsonElement>? CloneUnknownFields() =>
        UnknownFields is null ? null : new Dictionary<string, JsonElement>(UnknownFields, StringComparer.Ordinal);
}
