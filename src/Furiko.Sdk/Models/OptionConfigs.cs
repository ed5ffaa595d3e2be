using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Models;

/// <summary>Settings of a Bool option (<c>options[].bool</c>).</summary>
public sealed class BoolOptionConfig : ExtensibleModel
{
    /// <summary>The value used when a Job gives none. Required by the schema.</summary>
    [JsonPropertyName("default")]
    public bool Default { get; set; }

    /// <summary>How the value is written: TrueFalse (the default), OneZero, YesNo or Custom.</summary>
    [JsonPropertyName("format")]
    public BoolOptionFormat? Format { get; set; }

    /// <summary>With the Custom format: the text for <see langword="true"/> (may be empty).</summary>
    [JsonPropertyName("trueVal")]
    public string? TrueVal { get; set; }

    /// <summary>With the Custom format: the text for <see langword="false"/> (may be empty).</summary>
    [JsonPropertyName("falseVal")]
    public string? FalseVal { get; set; }
}

/// <summary>Settings of a String option (<c>options[].string</c>).</summary>
public sealed class StringOptionConfig : ExtensibleModel
{
    /// <summary>The value used when a Job gives none.</summary>
    [JsonPropertyName("default")]
    public string? Default { get; set; }

    /// <summary>Whether to trim white space before substitution.</summary>
    [JsonPropertyName("trimSpaces")]
    public bool? TrimSpaces { get; set; }
}

/// <summary>Settings of a Select option (<c>options[].select</c>).</summary>
public sealed class SelectOptionConfig : ExtensibleModel
{
    /// <summary>The value used when a Job gives none.</summary>
    [JsonPropertyName("default")]
    public string? Default { get; set; }

    /// <summary>The values to choose from.</summary>
    [JsonPropertyName("values")]
    public IList<string>? Values { get; set; }

    /// <summary>Whether a value outside <see cref="Values"/> is accepted.</summary>
    [JsonPropertyName("allowCustom")]
    public bool? AllowCustom { get; set; }
}

/// <summary>Settings of a Multi option (<c>options[].multi</c>).</summary>
public sealed class MultiOptionConfig : ExtensibleModel
{
    /// <summary>The values used when a Job gives none.</summary>
    [JsonPropertyName("default")]
    public IList<string>? Default { get; set; }

    /// <summary>The text that joins the chosen values. Required by the schema.</summary>
    [JsonPropertyName("delimiter")]
    public string Delimiter { get; set; } = string.Empty;

    /// <summary>The values to choose from. Required by the schema.</summary>
    [JsonPropertyName("values")]
    public IList<string>? Values { get; set; }

    /// <summary>Whether values outside <see cref="Values"/> are accepted.</summary>
    [JsonPropertyName("allowCustom")]
    public bool? AllowCustom { get; set; }
}

/// <summary>Settings of a Date option (<c>options[].date</c>).</summary>
public sealed class DateOptionConfig : ExtensibleModel
{
    /// <summary>The date format in moment.js syntax; <see langword="null"/> or empty for RFC 3339.</summary>
    [JsonPropertyName("format")]
    public string? Format { get; set; }
}
