using Furiko.Sdk.Models;
using NodaTime;

namespace Furiko.Cli.Output;

/// <summary>
/// The table <c>get job</c> and <c>list jobs</c> print: name (and namespace across namespaces), phase, kill time,
/// tasks created and running, and age. Phases are painted by how they ended (when colour is on). Thread-safe.
/// </summary>
internal static class JobTable
{
    /// <summary>Writes Jobs as a table.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="jobs">The Jobs, in the order to show.</param>
    /// <param name="withNamespace">Whether to add a NAMESPACE column (for <c>-A</c>).</param>
    /// <param name="now">The current time, for ages.</param>
    /// <param name="time">How to show kill times.</param>
    /// <param name="style">Whether to paint phases.</param>
    public static void Write(TextWriter writer, IEnumerable<Job> jobs, bool withNamespace, Instant now, TimeDisplay time, TerminalStyle style)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(time);
        string[] headers = ["NAME", "PHASE", "KILL TIME", "CREATED", "RUNNING", "AGE"];
        var table = new TextTable(withNamespace ? ["NAMESPACE", .. headers] : headers);
        foreach (var job in jobs)
        {
            var phase = job.Status?.Phase.Value is { Length: > 0 } value ? value : "<none>";
            (string, TextColour)[] cells =
            [
                (job.Metadata?.Name ?? string.Empty, TextColour.None),
                (phase, PhaseColour(job.Status?.Phase)),
                (job.Spec?.KillTimestamp is { } killAt ? time.Format(killAt) : "<none>", TextColour.None),
                ((job.Status?.CreatedTasks ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture), TextColour.None),
                ((job.Status?.RunningTasks ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture), TextColour.None),
                (Age(job, now), TextColour.None),
            ];
            table.Add(withNamespace ? [(job.Metadata?.NamespaceProperty ?? string.Empty, TextColour.None), .. cells] : cells);
        }

        table.WriteTo(writer, style);
    }

    /// <summary>The colour of a phase: green for success, red for failure and kills, yellow while killing or terminating.</summary>
    /// <param name="phase">The phase, if any.</param>
    /// <returns>The colour.</returns>
    public static TextColour PhaseColour(JobPhase? phase)
    {
        if (phase is not { } value)
        {
            return TextColour.None;
        }

        if (value == JobPhase.Succeeded)
        {
            return TextColour.Green;
        }

        if (value == JobPhase.Failed || value == JobPhase.Killed || value == JobPhase.AdmissionError || value == JobPhase.FinishedUnknown)
        {
            return TextColour.Red;
        }

        return value == JobPhase.Killing || value == JobPhase.Terminating ? TextColour.Yellow : TextColour.None;
    }

    private static string Age(Job job, Instant now)
    {
        var created = job.Metadata?.CreationTimestamp;
        if (created is not { } dateTime || dateTime == default)
        {
            return "<unknown>";
        }

        // KubernetesClient reads times as UTC (Kind Unspecified or Utc); a Local one is a bug, not a time to show.
        return dateTime.Kind == DateTimeKind.Local
            ? "<invalid>"
            : HumanAge.Format(now - Instant.FromDateTimeUtc(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)));
    }
}
