using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Models;

/// <summary>
/// One option of a JobConfig (<c>spec.option.options[]</c>). Furiko's Go type is <c>Option</c>; renamed so it
/// reads clearly next to Microsoft.Extensions.Options.
/// </summary>
public sealed class JobOption : ExtensibleModel
{
    /// <summary>The option's type: Bool, String, Select, Multi or Date. Required by the schema.</summary>
    [JsonPropertyName("type")]
    public OptionType Type { get; set; }

    /// <summary>The option's name (letters, digits, <c>_ . -</c>), used as <c>${option.NAME}</c>. Required by the schema.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    /// <summary>A label for people; display only.</summary>
    [JsonPropertyName("label")]
    public string? Label { get; set; }

    /// <summary>Whether a Job must give a value (or the option a default).</summary>
    [JsonPropertyName("required")]
    public bool? Required { get; set; }

    /// <summary>Settings of a Bool option.</summary>
    [JsonPropertyName("bool")]
    public BoolOptionConfig? Bool { get; set; }

    /// <summary>Settings of a String option.</summary>
    [JsonPropertyName("string")]
#pragma warning disable CA1720 // "string" is Furiko's own field name.
    public StringOptionConfig? String { get; set; }
#pragma warning restore CA1720

    /// <summary>Settings of a Select option.</summary>
    [JsonPropertyName("select")]
    public SelectOptionConfig? Select { get; set; }

    /// <summary>Settings of a Multi option.</summary>
    [JsonPropertyName("multi")]
    public MultiOptionConfig? Multi { get; set; }

    /// <summary>Settings of a Date option.</summary>
    [JsonPropertyName("date")]
    public DateOptionConfig? Date { get; set; }
}
