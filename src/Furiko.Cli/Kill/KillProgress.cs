using System.Globalization;
using Furiko.Sdk.Models;

namespace Furiko.Cli.Kill;

/// <summary>
/// How far a kill has come, read from the Job alone (its phase and <c>status.tasks</c> with their tombstones), so
/// it works beside Furiko's own controller with read access to Jobs only. Immutable.
/// </summary>
/// <param name="Phase">The Job's phase; empty before a controller wrote a status.</param>
/// <param name="Tasks">Every task in <c>status.tasks</c>, in that order.</param>
internal sealed record KillProgress(JobPhase Phase, IReadOnlyList<TaskKillProgress> Tasks)
{
    /// <summary>Reads the progress of a Job.</summary>
    /// <param name="job">The Job.</param>
    /// <returns>The progress.</returns>
    public static KillProgress Of(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var tasks = (job.Status?.Tasks ?? []).Where(task => task is not null).Select(TaskKillProgress.Of).ToList();
        return new KillProgress(job.Status?.Phase ?? default, tasks);
    }

    /// <summary>How many tasks have not finished: deleting (gracefully or forced) or not deleted yet.</summary>
    public int StillTerminating => Count(TaskKillStage.NotYetDeleted) + Count(TaskKillStage.DeletingGracefully) + Count(TaskKillStage.ForceDeleted);

    /// <summary>How many tasks are in a stage.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The count.</returns>
    public int Count(TaskKillStage stage) => Tasks.Count(task => task.Stage == stage);

    /// <summary>
    /// One line for people, for example
    /// <c>phase Killing: 2 of 3 task(s) still terminating: 1 deleting gracefully, 1 force-deleted, 0 not deleted yet</c>.
    /// </summary>
    /// <returns>The text.</returns>
    public string Summary()
    {
        var phase = string.IsNullOrEmpty(Phase.Value) ? "<none>" : Phase.Value;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"phase {phase}: {StillTerminating} of {Tasks.Count} task(s) still terminating: {Count(TaskKillStage.DeletingGracefully)} deleting gracefully, {Count(TaskKillStage.ForceDeleted)} force-deleted, {Count(TaskKillStage.NotYetDeleted)} not deleted yet");
    }
}
