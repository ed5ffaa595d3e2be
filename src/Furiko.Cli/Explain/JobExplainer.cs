using Furiko.Cli.Output;
using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using Furiko.Sdk.Termination;
using Furiko.Sdk.Termination.ForceDeletion;
using Furiko.Sdk.Termination.Planning;
using Furiko.Sdk.Text;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Furiko.Cli.Explain;

/// <summary>
/// Explains, read-only, what termination means for a Job at this moment: its kill time and what triggers a kill,
/// what happens to each live task (graceful deletion, force deletion and when), and the termination planner's own
/// account of the pass it would make now (and at the kill time, when that is still ahead). Pure: it reads the Job,
/// its tasks and the instant given. Thread-safe.
/// </summary>
internal sealed class JobExplainer
{
    private readonly TerminationOptions _options;
    private readonly TerminationPlanner _planner;
    private readonly ForceDeletionPolicy _forceDeletion;

    /// <summary>Creates the explainer with the controller settings to assume.</summary>
    /// <param name="options">The force-deletion and pending timeouts the cluster's controller uses (Furiko's defaults: 900 s each).</param>
    public JobExplainer(TerminationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _planner = TerminationPlanner.CreateDefault(options);
        _forceDeletion = new ForceDeletionPolicy(Options.Create(options));
    }

    /// <summary>Writes the explanation.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="job">The Job as read from the cluster.</param>
    /// <param name="tasks">Its live tasks, read from its Pods.</param>
    /// <param name="now">The current time.</param>
    /// <param name="time">How times are shown.</param>
    /// <param name="style">Whether to paint.</param>
    public void Write(TextWriter writer, Job job, IReadOnlyList<ObservedTask> tasks, Instant now, TimeDisplay time, TerminalStyle style)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(style);
        string Describe(Instant instant) => $"{time.Format(instant)} ({TimeDisplay.Relative(instant, now)})";

        var plan = _planner.Plan(job, tasks, now);
        var killAt = job.Spec?.KillTimestamp ?? (plan.KillCause is { } cause ? cause.Deadline ?? now : null);
        var phase = job.Status?.Phase.Value is { Length: > 0 } value ? value : "<none>";
        writer.WriteLine($"Job:             {job.Metadata?.NamespaceProperty}/{job.Metadata?.Name}");
        writer.WriteLine($"Phase:           {style.Paint(phase, JobTable.PhaseColour(job.Status?.Phase))}");
        writer.WriteLine($"Now:             {time.Format(now)}");
        writer.WriteLine($"Kill:            {KillLine(job, plan, now, Describe)}");
        writer.WriteLine($"Force deletion:  {ForceLine(job)}");
        writer.WriteLine($"New tasks:       {(plan.CanCreateTasks ? "may be created" : "will not be created (a kill time is set, or the Job is being deleted or failed admission)")}");
        writer.WriteLine();

        if (tasks.Count == 0)
        {
            writer.WriteLine("Live tasks:      none");
        }
        else
        {
            writer.WriteLine("Live tasks:");
            var table = new TextTable("TASK", "STATE", "NODE", "GRACEFUL DELETION", "FORCE DELETION");
            var timeout = Duration.FromSeconds(_options.ForceDeleteTaskTimeoutSeconds);
            foreach (var task in tasks)
            {
                var outlook = TaskOutlook.For(job, task, killAt, now, _forceDeletion, timeout, Describe);
                var force = outlook.ForceAt is { } at ? $"{Describe(at)}, {outlook.ForceNote}" : outlook.ForceNote;
                table.Add(task.Name, task.Status.State.Value ?? string.Empty, task.NodeName ?? "<none>", outlook.Deletion, force);
            }

            table.WriteTo(writer, style);
        }

        writer.WriteLine();
        writer.WriteLine("The planner now:");
        WriteIndented(writer, plan.Explain());
        if (job.Spec?.KillTimestamp is { } scheduled && scheduled > now)
        {
            writer.WriteLine();
            writer.WriteLine("The planner at the kill time, if the tasks are as they are now:");
            WriteIndented(writer, _planner.Plan(job, tasks, scheduled).Explain());
        }
    }

    private static string KillLine(Job job, TerminationPlan plan, Instant now, Func<Instant, string> describe)
    {
        if (job.Status?.Phase.IsTerminal == true)
        {
            return job.Spec?.KillTimestamp is { } at
                ? $"the Job has finished (kill time was {describe(at)})"
                : "the Job has finished; nothing is left to kill";
        }

        if (plan.KillCause is { } cause)
        {
            return cause.Rule == TerminationRule.KillTimestamp && cause.Deadline is { } due
                ? $"due since {describe(due)} (spec.killTimestamp): unfinished tasks are deleted gracefully"
                : $"due now because of {cause.Rule}: unfinished tasks are deleted gracefully";
        }

        if (job.Spec?.KillTimestamp is { } killAt)
        {
            return $"scheduled at {describe(killAt)} (spec.killTimestamp)";
        }

        return job.Metadata?.DeletionTimestamp is not null
            ? "the Job is being deleted: its tasks are deleted before its finalizer is removed"
            : $"not requested (set one with: furiko kill {job.Metadata?.Name})";
    }

    private string ForceLine(Job job)
    {
        if (_options.ForceDeleteTaskTimeoutSeconds <= 0)
        {
            return "disabled (--force-delete-timeout 0)";
        }

        if (job.Spec?.Template?.ForbidTaskForceDeletion == true)
        {
            return "forbidden for this Job (spec.template.forbidTaskForceDeletion)";
        }

        return $"a task still there {GoDuration.Format(Duration.FromSeconds(_options.ForceDeleteTaskTimeoutSeconds))} after its deletion timestamp is force-deleted";
    }

    private static void WriteIndented(TextWriter writer, string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.Length > 0)
            {
                writer.WriteLine("  " + line.TrimEnd('\r'));
            }
        }
    }
}
