using System.Text.Json;
using Furiko.Sdk.Models;
using k8s;

namespace Furiko.Sdk.Serialization;

/// <summary>
/// Loads Furiko manifests, YAML or JSON, one document or many, into the right model type (<see cref="Job"/>,
/// <see cref="JobList"/>, <see cref="JobConfig"/>, <see cref="JobConfigList"/>) chosen by each document's
/// <c>apiVersion</c> and <c>kind</c>. YAML is turned into JSON first so the models' own converters apply.
/// Thread-safe.
/// </summary>
public static class FurikoManifest
{
    private static readonly Dictionary<string, Func<string, bool, IKubernetesObject>> Readers = new(StringComparer.Ordinal)
    {
        [FurikoApi.JobKind] = FurikoJson.Read<Job>,
        [FurikoApi.JobListKind] = FurikoJson.Read<JobList>,
        [FurikoApi.JobConfigKind] = FurikoJson.Read<JobConfig>,
        [FurikoApi.JobConfigListKind] = FurikoJson.Read<JobConfigList>,
    };

    /// <summary>Loads every document of a manifest.</summary>
    /// <param name="text">YAML (one or more documents separated by <c>---</c>) or JSON (one object).</param>
    /// <returns>One model per non-empty document, in order.</returns>
    /// <exception cref="FurikoSerializationException">
    /// A document is malformed, is not a Furiko kind, or does not fit its model; the message names the document,
    /// the JSON path and the value.
    /// </exception>
    public static IReadOnlyList<IKubernetesObject> Load(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var documents = ToJsonDocuments(text);
        var fromJson = IsJson(text);
        var objects = new List<IKubernetesObject>(documents.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            objects.Add(LoadDocument(documents[i], i, fromJson));
        }

        return objects;
    }

    /// <summary>Loads a manifest that holds exactly one object of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The expected model type.</typeparam>
    /// <param name="text">YAML or JSON.</param>
    /// <returns>The object.</returns>
    /// <exception cref="FurikoSerializationException">
    /// The manifest is invalid, holds no object or several, or its object is of another kind.
    /// </exception>
    public static T LoadSingle<T>(string text)
        where T : class, IKubernetesObject
    {
        var objects = Load(text);
        if (objects.Count != 1)
        {
            throw new FurikoSerializationException(
                $"Expected exactly one {typeof(T).Name} in the manifest, found {objects.Count} document(s).");
        }

        return objects[0] as T ?? throw new FurikoSerializationException(
            $"Expected a {typeof(T).Name} in the manifest, found kind '{objects[0].Kind}'.", "$.kind", 0, null);
    }

    /// <summary>Loads every document of a manifest file.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One model per non-empty document, in order.</returns>
    /// <exception cref="FurikoSerializationException">As for <see cref="Load"/>; the message also names the file.</exception>
    public static async Task<IReadOnlyList<IKubernetesObject>> LoadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        try
        {
            return Load(text);
        }
        catch (FurikoSerializationException ex)
        {
            throw new FurikoSerializationException($"{path}: {ex.Message}", ex.Path, ex.DocumentIndex, ex);
        }
    }

    /// <summary>
    /// Turns a manifest into one JSON text per document, without reading it into models: JSON input comes back
    /// as it is, YAML input is converted.
    /// </summary>
    /// <param name="text">YAML or JSON.</param>
    /// <returns>One JSON text per non-empty document.</returns>
    /// <exception cref="FurikoSerializationException">The text is not valid YAML or JSON.</exception>
    public static IReadOnlyList<string> ToJsonDocuments(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return IsJson(text) ? [text] : YamlToJson.ConvertAll(text);
    }

    private static bool IsJson(string text) => text.AsSpan().TrimStart() is ['{', ..];

    private static IKubernetesObject LoadDocument(string json, int index, bool fromJson)
    {
        var read = ReaderFor(ParseObject(json, index), index);
        try
        {
            // Positions in JSON converted from YAML would mislead; the JSON path still says where.
            return read(json, fromJson);
        }
        catch (FurikoSerializationException ex)
        {
            throw new FurikoSerializationException($"Document {index}: {ex.Message}", ex.Path, index, ex.InnerException);
        }
    }

    private static JsonElement ParseObject(string json, int index)
    {
        JsonElement root;
        try
        {
            // The serializer (unlike JsonDocument.Parse) reports the path at which malformed JSON stops.
            root = JsonSerializer.Deserialize<JsonElement>(json);
        }
        catch (JsonException ex)
        {
            throw new FurikoSerializationException($"Document {index}: {JsonErrorDescriber.Describe(ex, json, "the manifest", showPosition: true)}", ex.Path ?? "$", index, ex);
        }

        return root.ValueKind == JsonValueKind.Object
            ? root
            : throw new FurikoSerializationException(
                $"Document {index}: at $: expected an object with apiVersion and kind, found {root.ValueKind}.", "$", index, null);
    }

    private static Func<string, bool, IKubernetesObject> ReaderFor(JsonElement root, int index)
    {
        var apiVersion = StringProperty(root, "apiVersion");
        var kind = StringProperty(root, "kind");
        if (kind is null || !Readers.TryGetValue(kind, out var read))
        {
            var found = kind is null ? "no kind" : $"kind '{kind}' (apiVersion '{apiVersion}')";
            throw new FurikoSerializationException(
                $"Document {index}: at $.kind: found {found}, which is not a Furiko kind the SDK models; "
                + $"expected one of {string.Join(", ", Readers.Keys)} with apiVersion '{FurikoApi.GroupVersion}'.",
                "$.kind",
                index,
                null);
        }

        if (apiVersion != FurikoApi.GroupVersion)
        {
            throw new FurikoSerializationException(
                $"Document {index}: at $.apiVersion: found '{apiVersion}', expected '{FurikoApi.GroupVersion}' for kind '{kind}'.",
                "$.apiVersion",
                index,
                null);
        }

        return read;
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
