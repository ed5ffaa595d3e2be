using Furiko.Sdk.Models;
using Furiko.Sdk.Status;

namespace Furiko.Sdk.Tests.Status.Parallel;

public class TaskNamesTests
{
    [Fact]
    public void The_first_task_of_a_job_without_parallelism_is_named_after_the_default_index() =>
        Assert.Equal("my-sample-job-gezdqo-0", TaskNames.For("my-sample-job", null, 0));

    [Theory]
    [InlineData(0L, 0L, "my-sample-job-gezdqo-0")]
    [InlineData(1L, 2L, "my-sample-job-gi3dgn-2")]
    [InlineData(3L, 10L, "my-sample-job-ge2tkn-10")]
    [InlineData(58L, 0L, "my-sample-job-ge3dqm-0")]
    [InlineData(69L, 0L, "my-sample-job-ge3dqm-0")]
    public void A_task_name_is_job_name_index_hash_and_retry_index(long number, long retry, string expected) =>
        Assert.Equal(expected, TaskNames.For("my-sample-job", new ParallelIndex { IndexNumber = number }, retry));

    [Fact]
    public void Keyed_and_matrix_indexes_use_their_hash()
    {
        Assert.Equal("job-gmytcn-0", TaskNames.For("job", new ParallelIndex { IndexKey = "a" }, 0));
        Assert.Equal(
            "job-ge3dcm-1",
            TaskNames.For("job", new ParallelIndex { MatrixValues = new Dictionary<string, string> { ["goos"] = "linux", ["goarch"] = "amd64" } }, 1));
    }

    [Fact]
    public void The_largest_retry_index_is_written_in_full() =>
        Assert.Equal("j-gezdqo-9223372036854775807", TaskNames.For("j", null, long.MaxValue));

    [Fact]
    public void A_long_job_name_is_kept_whole()
    {
        var jobName = new string('x', 300);

        Assert.Equal(jobName + "-gezdqo-0", TaskNames.For(jobName, null, 0));
    }

    // FURIKO-SEMANTICS 1 "Ordering of TaskRefs": three pods created at once sort by name as index 2, 0, 1.
    [Fact]
    public void Names_of_indexes_0_to_2_sort_as_index_2_then_0_then_1()
    {
        var names = Enumerable.Range(0, 3).Select(i => TaskNames.For("job", new ParallelIndex { IndexNumber = i }, 0)).ToList();

        names.Sort(StringComparer.Ordinal);

        Assert.Equal(["job-geytio-0", "job-gezdqo-0", "job-gi3dgn-0"], names);
    }

    [Fact]
    public void A_null_job_name_is_rejected() =>
        Assert.Equal("jobName", Assert.Throws<ArgumentNullException>(() => TaskNames.For(null!, null, 0)).ParamName);

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_job_name_is_rejected(string jobName) =>
        Assert.Equal("jobName", Assert.Throws<ArgumentException>(() => TaskNames.For(jobName, null, 0)).ParamName);

    [Fact]
    public void A_negative_retry_index_is_rejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => TaskNames.For("job", null, -1));

        Assert.Equal("retryIndex", ex.ParamName);
        Assert.Equal(-1L, ex.ActualValue);
    }
}
