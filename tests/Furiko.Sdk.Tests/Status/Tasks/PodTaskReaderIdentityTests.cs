using Furiko.Sdk.Models;
using static Furiko.Sdk.Tests.Status.Tasks.TaskPods;

namespace Furiko.Sdk.Tests.Status.Tasks;

/// <summary>What identifies a task (name, UID, times, node) and the indexes read back from its Pod's labels and annotation.</summary>
public class PodTaskReaderIdentityTests
{
    [Fact]
    public void Identity_comes_from_the_pod_metadata_and_spec()
    {
        var pod = PodCases.Get("deleting while running");

        var task = Read(pod);

        Assert.Equal(Name, task.Name);
        Assert.Equal(Uid, task.Uid);
        Assert.Equal(At(CreateTime), task.CreationTimestamp);
        Assert.Equal(At(KillTime), task.DeletionTimestamp);
        Assert.True(task.IsDeleting);
        Assert.Equal(Node, task.NodeName);
        Assert.Same(pod, task.Pod);
    }

    [Fact]
    public void The_deletion_grace_period_is_read_so_a_force_deleted_pod_is_recognised()
    {
        var pod = PodCases.Get("deleting while running");
        pod.Metadata.DeletionGracePeriodSeconds = 0;

        Assert.Equal(0, Read(pod).DeletionGracePeriodSeconds);
        Assert.Null(Read(Created()).DeletionGracePeriodSeconds);
    }

    [Fact]
    public void A_pod_not_scheduled_and_not_deleting_has_no_node_and_no_deletion_time()
    {
        var pod = Created();
        pod.Metadata.Uid = null;
        pod.Spec.NodeName = string.Empty;

        var task = Read(pod);

        Assert.Null(task.NodeName);
        Assert.Null(task.DeletionTimestamp);
        Assert.False(task.IsDeleting);
        Assert.Equal(string.Empty, task.Uid);
    }

    [Fact]
    public void Indexes_are_read_back_from_the_labels_and_annotation_Furiko_writes()
    {
        var pod = Created();
        pod.Metadata.Name = "my-sample-job-gi3dgn-2";
        pod.Metadata.Labels[FurikoLabels.TaskRetryIndex] = "2";
        pod.Metadata.Labels[FurikoLabels.TaskParallelIndexHash] = "gi3dgn";
        pod.Metadata.Annotations[FurikoAnnotations.TaskParallelIndex] = "{\"indexNumber\":1}";

        var task = Read(pod);

        Assert.Equal(2, task.RetryIndex);
        Assert.Equal(1, task.ParallelIndex?.IndexNumber);
        Assert.Equal("gi3dgn", task.ParallelIndexHash);
    }

    [Fact]
    public void Key_and_matrix_parallel_indexes_are_read_back()
    {
        var pod = Created();
        pod.Metadata.Annotations[FurikoAnnotations.TaskParallelIndex] = "{\"matrixValues\":{\"goarch\":\"amd64\",\"goos\":\"linux\"}}";
        Assert.Equal("linux", Read(pod).ParallelIndex?.MatrixValues?["goos"]);

        pod.Metadata.Annotations[FurikoAnnotations.TaskParallelIndex] = "{\"indexKey\":\"a\"}";
        Assert.Equal("a", Read(pod).ParallelIndex?.IndexKey);
    }

    [Fact]
    public void Without_labels_or_annotations_the_task_is_the_first_try_of_no_known_index()
    {
        var pod = Created();
        pod.Metadata.Labels = null;
        pod.Metadata.Annotations = null;

        var task = Read(pod);

        Assert.Equal(0, task.RetryIndex);
        Assert.Null(task.ParallelIndex);
        Assert.Null(task.ParallelIndexHash);
    }

    [Fact]
    public void An_empty_parallel_index_hash_label_reads_as_absent()
    {
        var pod = Created();
        pod.Metadata.Labels[FurikoLabels.TaskParallelIndexHash] = string.Empty;

        Assert.Null(Read(pod).ParallelIndexHash);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData(" 1")]
    [InlineData("1.0")]
    [InlineData("99999999999999999999")]
    public void A_malformed_retry_index_label_is_rejected_naming_the_label_and_value(string value)
    {
        var pod = Created();
        pod.Metadata.Labels[FurikoLabels.TaskRetryIndex] = value;

        var error = Assert.Throws<ArgumentException>(() => Read(pod));

        Assert.Equal(
            $"Pod default/{Name}: metadata.labels[\"execution.furiko.io/task-retry-index\"] is \"{value}\"; "
            + "expected the task's retry index, a decimal number of 0 or more.",
            error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("[0]")]
    [InlineData("{\"indexNumber\":\"zero\"}")]
    public void A_malformed_parallel_index_annotation_is_rejected_naming_the_annotation_and_value(string value)
    {
        var pod = Created();
        pod.Metadata.Annotations[FurikoAnnotations.TaskParallelIndex] = value;

        var error = Assert.Throws<ArgumentException>(() => Read(pod));

        Assert.Equal(
            $"Pod default/{Name}: metadata.annotations[\"execution.furiko.io/task-parallel-index\"] is \"{value}\"; "
            + "expected the task's parallel index as JSON, for example {\"indexNumber\":0}.",
            error.Message);
    }

    [Fact]
    public void A_pod_without_a_name_is_rejected()
    {
        var pod = Created();
        pod.Metadata.Name = null;

        var error = Assert.Throws<ArgumentException>(() => Read(pod));

        Assert.Equal("Pod default/(no name): metadata.name is missing; a task's Pod always has a name.", error.Message);
    }

    [Fact]
    public void A_pod_without_metadata_is_rejected_for_its_missing_name()
    {
        var pod = Created();
        pod.Metadata = null;

        var error = Assert.Throws<ArgumentException>(() => Read(pod));

        Assert.Equal("Pod (no name): metadata.name is missing; a task's Pod always has a name.", error.Message);
    }

    [Fact]
    public void A_pod_without_a_creation_time_is_rejected()
    {
        var pod = Created();
        pod.Metadata.CreationTimestamp = null;

        var error = Assert.Throws<ArgumentException>(() => Read(pod));

        Assert.Equal($"Pod default/{Name}: metadata.creationTimestamp is missing; a Pod read from the cluster always has one.", error.Message);
    }

    [Fact]
    public void A_zero_creation_time_counts_as_missing()
    {
        var pod = Created();
        pod.Metadata.CreationTimestamp = DateTime.MinValue;

        var error = Assert.Throws<ArgumentException>(() => Read(pod));

        Assert.Contains("metadata.creationTimestamp is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_pod_is_rejected()
    {
        Assert.Throws<ArgumentNullException>("pod", () => Read(null!));
    }
}
