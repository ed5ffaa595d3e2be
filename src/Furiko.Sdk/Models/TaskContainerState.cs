using System.Text.Json.Serialization;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Models;

/// <summary>The last known state of one container of a task (<c>status.tasks[].containerStates[]</c>).</summary>
public sealed class TaskContainerState : ExtensibleModel
{
    /// <summary>The exit code of the container's last termination. Required by the schema.</summary>
    [JsonPropertyName("exitCode")]
    public int ExitCode { get; set; }

    /// <summary>The signal of the container's last termination, if any.</summary>
    [JsonPropertyName("signal")]
    public int? Signal { get; set; }

    /// <summary>One CamelCase word, for example <c>OOMKilled</c> or <c>Error</c>.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    /// <summary>A sentence about the container's state.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    /// <summary>The container runtime's ID of the container; empty before it was created.</summary>
    [JsonPropertyName("containerID")]
    public string? ContainerId { get; set; }

    /// <summary>A deep copy, unknown fields included.</summary>
    /// <returns>The copy.</returns>
    public TaskContainerState DeepClone() => new()
    {
        ExitCode = ExitCode,
        Signal = Signal,
        Reason = Reason,
        Message = Message,
        ContainerId = ContainerId,
        UnknownFields = CloneUnknownFields(),
    };
}
