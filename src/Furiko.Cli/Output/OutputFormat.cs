namespace Furiko.Cli.Output;

/// <summary>How <c>get</c> and <c>list</c> print Jobs (<c>-o/--output</c>).</summary>
internal enum OutputFormat
{
    /// <summary>An aligned table for people (the default).</summary>
    Table,

    /// <summary>The objects as the API server returned them, as indented JSON.</summary>
    Json,

    /// <summary>The objects as the API server returned them, as YAML.</summary>
    Yaml,
}
