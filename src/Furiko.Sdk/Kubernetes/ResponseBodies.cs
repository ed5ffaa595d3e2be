using System.Text.Json;
using Furiko.Sdk.Serialization;
using k8s;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// Reads the body KubernetesClient returns for a CustomObjects call (a <see cref="JsonElement"/> for a real
/// <c>k8s.Kubernetes</c>; any other <see cref="IKubernetes"/> may hand back text or an object) into a Furiko
/// model through <see cref="FurikoJson"/>, so that bad bodies surface as <see cref="FurikoSerializationException"/>.
/// </summary>
internal static class ResponseBodies
{
    /// <summary>Reads a body as a model.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="body">The body.</param>
    /// <param name="call">The call, for messages.</param>
    /// <returns>The model.</returns>
    /// <exception cref="FurikoSerializationException">The body is missing or does not fit the model.</exception>
    public static T Read<T>(object? body, ApiCall call)
        where T : class
    {
        var json = body switch
        {
            null => throw new FurikoSerializationException(
                $"{call.Verb} {call.ToFailure(null, null, null).Target}: the API server answered without a body; expected a {typeof(T).Name}."),
            JsonElement element => element.GetRawText(),
            string text => text,
            _ => KubernetesJson.Serialize(body),
        };
        return FurikoJson.Deserialize<T>(json);
    }

    /// <summary>The raw JSON of a watch event's object.</summary>
    /// <param name="body">The object as KubernetesClient yielded it.</param>
    /// <returns>Its JSON text.</returns>
    public static string RawJson(object? body) =>
        body switch
        {
            null => "null",
            JsonElement element => element.GetRawText(),
            string text => text,
            _ => KubernetesJson.Serialize(body),
        };
}
