namespace Furiko.Sdk.Testing.Emulator;

/// <summary>The text of a kubeconfig file with one cluster, user and context, current, pointing at a server URL.</summary>
internal static class KubeconfigText
{
    public static string For(string server, string @namespace, string name) =>
        $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: {Quote(name)}
          cluster:
            server: {Quote(server)}
        users:
        - name: {Quote(name)}
          user:
            token: emulator
        contexts:
        - name: {Quote(name)}
          context:
            cluster: {Quote(name)}
            user: {Quote(name)}
            namespace: {Quote(@namespace)}
        current-context: {Quote(name)}

        """;

    // A double-quoted YAML scalar, so that names with ':' or '#' stay strings.
    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
