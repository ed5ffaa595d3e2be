using Furiko.Cli.Output;

namespace Furiko.Cli.Kill;

/// <summary>
/// Writes the progress of a kill as it changes: one summary line whenever the phase or the counts change, and one
/// line per task whose stage changed. Lines are appended, never redrawn, so the output reads the same in a
/// terminal, a pipe or a log file. Not thread-safe.
/// </summary>
internal sealed class KillProgressReporter
{
    private readonly TextWriter _out;
    private readonly TerminalStyle _style;
    private readonly string _jobName;
    private readonly Dictionary<string, TaskKillProgress> _tasks = new(StringComparer.Ordinal);
    private string? _lastSummary;

    /// <summary>Creates the reporter.</summary>
    /// <param name="out">Where to write.</param>
    /// <param name="style">Whether to paint the phase.</param>
    /// <param name="jobName">The Job as <c>namespace/name</c>.</param>
    public KillProgressReporter(TextWriter @out, TerminalStyle style, string jobName)
    {
        _out = @out;
        _style = style;
        _jobName = jobName;
    }

    /// <summary>The progress last reported; <see langword="null"/> before the first.</summary>
    public KillProgress? Last { get; private set; }

    /// <summary>Reports a new reading of the Job; writes only what changed.</summary>
    /// <param name="progress">The progress now.</param>
    public void Report(KillProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        Last = progress;
        var summary = progress.Summary();
        if (summary != _lastSummary)
        {
            _lastSummary = summary;
            var phase = string.IsNullOrEmpty(progress.Phase.Value) ? "<none>" : progress.Phase.Value;
            var painted = summary.Replace("phase " + phase, "phase " + _style.Paint(phase, JobTable.PhaseColour(progress.Phase)), StringComparison.Ordinal);
            _out.WriteLine($"job {_jobName}: {painted}");
        }

        foreach (var task in progress.Tasks)
        {
            if (!_tasks.TryGetValue(task.Name, out var before) || before != task)
            {
                _tasks[task.Name] = task;
                _out.WriteLine("  " + task.Describe());
            }
        }

        _out.Flush();
    }
}
