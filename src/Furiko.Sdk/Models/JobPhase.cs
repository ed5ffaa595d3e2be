using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Models;

/// <summary>
/// The high-level phase of a Job (<c>status.phase</c>).
/// An open set: a value the SDK does not know is kept and written back unchanged. Compared ordinally.
/// </summary>
/// <param name="Value">The raw value as it appears in JSON.</param>
[JsonConverter(typeof(OpenStringJsonConverter<JobPhase>))]
public readonly record struct JobPhase(string Value) : IOpenString<JobPhase>
{
    /// <summary>The Job has not started yet.</summary>
    public static readonly JobPhase Queued = new("Queued");

    /// <summary>The Job has started but has created no task yet.</summary>
    public static readonly JobPhase Starting = new("Starting");

    /// <summary>The Job has started but not all of its tasks are running yet.</summary>
    public static readonly JobPhase Pending = new("Pending");

    /// <summary>All tasks have started running and the Job has not finished.</summary>
    public static readonly JobPhase Running = new("Running");

    /// <summary>The Job is complete but some tasks are still terminating.</summary>
    public static readonly JobPhase Terminating = new("Terminating");

    /// <summary>A task failed and the Job waits for its retry delay before creating the next one.</summary>
    public static readonly JobPhase RetryBackoff = new("RetryBackoff");

    /// <summary>A task failed and its retry has been created but is not running yet.</summary>
    public static readonly JobPhase Retrying = new("Retrying");

    /// <summary>The Job's kill time has passed and its tasks are being killed; no more tasks are created.</summary>
    public static readonly JobPhase Killing = new("Killing");

    /// <summary>The Job finished successfully (terminal).</summary>
    public static readonly JobPhase Succeeded = new("Succeeded");

    /// <summary>The Job finished unsuccessfully (terminal).</summary>
    public static readonly JobPhase Failed = new("Failed");

    /// <summary>The Job and all its tasks were killed (terminal).</summary>
    public static readonly JobPhase Killed = new("Killed");

    /// <summary>The Job could not create its tasks because of an error that cannot be retried (terminal).</summary>
    public static readonly JobPhase AdmissionError = new("AdmissionError");

    /// <summary>The Job finished but its result is not known (terminal).</summary>
    public static readonly JobPhase FinishedUnknown = new("FinishedUnknown");

    /// <summary>The values Furiko defines, in its order.</summary>
    public static IReadOnlyList<JobPhase> Known { get; } = [Queued, Starting, Pending, Running, Terminating, RetryBackoff, Retrying, Killing, Succeeded, Failed, Killed, AdmissionError, FinishedUnknown];

    /// <summary>Whether this is one of the values in <see cref="Known"/>.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <summary>
    /// Whether the phase is terminal: Succeeded, Failed, Killed, AdmissionError or FinishedUnknown. Every
    /// other value, including <see cref="Terminating"/> and values the SDK does not know, is non-terminal,
    /// as in Furiko.
    /// </summary>
    public bool IsTerminal =>
        this == Succeeded || this == Failed || this == Killed || this == AdmissionError || this == FinishedUnknown;

    /// <inheritdoc />
    public static JobPhase FromString(string value) => new(value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>Wraps a raw value.</summary>
    /// <param name="value">The raw value.</param>
    public static implicit operator JobPhase(string value) => FromString(value);

    /// <summary>The raw value.</summary>
    /// <returns>The raw value; empty for the default instance.</returns>
    public override string ToString() => Value ?? string.Empty;
}
