using Furiko.Sdk.Models;
using Furiko.Sdk.Status;
using static Furiko.Sdk.Tests.Status.StatusFixtures;

namespace Furiko.Sdk.Tests.Status;

public class JobStatusPredicatesTests
{
    [Theory]
    [InlineData(true, "Running", true, false, false)]
    [InlineData(true, "Killing", true, false, false)]
    [InlineData(true, "Killed", false, false, true)]
    [InlineData(false, "Queued", false, true, false)]
    [InlineData(false, "AdmissionError", false, false, true)]
    public void Active_queued_and_finished_follow_start_time_and_phase(bool started, string phase, bool active, bool queued, bool finished)
    {
        var job = StartedJob();
        job.Status!.Phase = phase;
        job.Status.StartTime = started ? T0 : null;

        Assert.Equal(active, job.IsActive());
        Assert.Equal(queued, job.IsQueued());
        Assert.Equal(finished, job.IsFinished());
    }

    [Fact]
    public void A_job_without_status_is_queued()
    {
        var job = new Job();

        Assert.True(job.IsQueued());
        Assert.False(job.IsActive());
        Assert.False(job.IsFinished());
    }
}
