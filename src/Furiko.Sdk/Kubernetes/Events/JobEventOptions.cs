using System.Globalization;

namespace Furiko.Sdk.Kubernetes;

/// <summary>
/// How <see cref="JobEventRecorder"/> records Kubernetes Events on Jobs. A plain mutable options object: configure
/// it before use, then do not change it.
/// </summary>
public sealed class JobEventOptions
{
    /// <summary>The default <see cref="Component"/>: <c>furiko-sdk</c>.</summary>
    public const string DefaultComponent = "furiko-sdk";

    /// <summary>Whether Events are recorded at all; default <see langword="true"/>. When false, nothing is sent.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The name the Events give as their source (<c>source.component</c> and <c>reportingComponent</c>), as
    /// <c>kubectl describe</c> shows it in the "From" column; default <see cref="DefaultComponent"/>. Use your
    /// controller's name. Not empty; at most 128 characters.
    /// </summary>
    public string Component { get; set; } = DefaultComponent;

    /// <summary>
    /// How many Events of one <see cref="JobEventRecorder.RecordAsync"/> call (one per Pod a pass deleted) may be sent at
    /// once; default 8, as <see cref="Termination.TerminationOptions.MaxConcurrentDeletes"/>, so that recording the
    /// Events of a large kill takes about as long as its deletes. Events sent at once reach the API server in no
    /// particular order (they carry the same timestamps either way); 1 sends them one after the other, in the order
    /// given. From 1 to 256.
    /// </summary>
    public int MaxConcurrentEvents { get; set; } = 8;

    /// <summary>Lists every setting that is out of range, each naming the setting, its value and what is allowed.</summary>
    /// <returns>The problems; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Component) || Component.Length > 128)
        {
            problems.Add($"{nameof(Component)} is '{Component}'; it must be a name of 1 to 128 characters.");
        }

        if (MaxConcurrentEvents is < 1 or > 256)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(MaxConcurrentEvents)} is {MaxConcurrentEvents}; it must be from 1 to 256."));
        }

        return problems;
    }

    /// <summary>A copy, so that a component keeps the settings it was built with.</summary>
    /// <returns>A new options object with the same settings.</returns>
    public JobEventOptions Clone() => (JobEventOptions)MemberwiseClone();
}
