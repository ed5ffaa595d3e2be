namespace Furiko.Cli.Connection;

/// <summary>
/// How the user chose a cluster and namespace on the command line, kubectl's way. Immutable.
/// </summary>
/// <param name="KubeconfigPath">The <c>--kubeconfig</c> file; <see langword="null"/> to use <c>KUBECONFIG</c> or <c>~/.kube/config</c>.</param>
/// <param name="Context">The <c>--context</c> to use; <see langword="null"/> for the kubeconfig's current context.</param>
/// <param name="Namespace">The <c>-n/--namespace</c>; <see langword="null"/> for the context's namespace, else <c>default</c>.</param>
internal sealed record ConnectionOptions(string? KubeconfigPath, string? Context, string? Namespace);
