using System.CommandLine;
using Furiko.Cli.Output;

namespace Furiko.Cli.Commands;

/// <summary>The <c>-o/--output</c> option of <c>get</c> and <c>list</c>: <c>table</c> (default), <c>json</c> or <c>yaml</c>.</summary>
internal static class OutputOption
{
    /// <summary>Creates the option.</summary>
    /// <returns>The option.</returns>
    public static Option<string> Create()
    {
        var option = new Option<string>("--output", "-o")
        {
            Description = "The output format: table, json or yaml.",
            HelpName = "format",
            DefaultValueFactory = _ => "table",
        };
        option.AcceptOnlyFromAmong("table", "json", "yaml");
        return option;
    }

    /// <summary>The format chosen.</summary>
    /// <param name="value">The option's value.</param>
    /// <returns>The format.</returns>
    public static OutputFormat Parse(string? value) => value switch
    {
        "json" => OutputFormat.Json,
        "yaml" => OutputFormat.Yaml,
        _ => OutputFormat.Table,
    };
}
