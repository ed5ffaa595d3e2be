using System.CommandLine;
using Furiko.Cli.Connection;

namespace Furiko.Cli.Commands;

/// <summary>
/// The options every command takes, kubectl's way: <c>-n/--namespace</c>, <c>--context</c>, <c>--kubeconfig</c>.
/// They are recursive: given anywhere on the command line. Immutable after construction.
/// </summary>
internal sealed class GlobalOptions
{
    /// <summary>The namespace to act in.</summary>
    public Option<string?> Namespace { get; } = new("--namespace", "-n")
    {
        Description = "The namespace of the Job (default: the namespace of the kubeconfig context, else 'default').",
        HelpName = "namespace",
        Recursive = true,
    };

    /// <summary>The kubeconfig context.</summary>
    public Option<string?> Context { get; } = new("--context")
    {
        Description = "The kubeconfig context to use (default: the current context).",
        HelpName = "name",
        Recursive = true,
    };

    /// <summary>The kubeconfig file.</summary>
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig")
    {
        Description = "The kubeconfig file to use (default: the files in KUBECONFIG, else $HOME/.kube/config).",
        HelpName = "path",
        Recursive = true,
    };

    /// <summary>Adds the options to the root command.</summary>
    /// <param name="root">The root command.</param>
    public void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Options.Add(Namespace);
        root.Options.Add(Context);
        root.Options.Add(Kubeconfig);
    }

    /// <summary>The connection choices of a parsed command line.</summary>
    /// <param name="parseResult">The parse result.</param>
    /// <returns>The choices.</returns>
    public ConnectionOptions Read(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return new ConnectionOptions(parseResult.GetValue(Kubeconfig), parseResult.GetValue(Context), parseResult.GetValue(Namespace));
    }
}
