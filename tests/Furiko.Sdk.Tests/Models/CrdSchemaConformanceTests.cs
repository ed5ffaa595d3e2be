using Furiko.Sdk.Models;

namespace Furiko.Sdk.Tests.Models;

public class CrdSchemaConformanceTests
{
    [Fact]
    public void Job_model_follows_the_real_Job_CRD_in_both_directions()
    {
        var mismatches = CrdSchemaChecker.Check(CrdSchema.Job(), typeof(Job));

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    [Fact]
    public void JobConfig_model_follows_the_real_JobConfig_CRD_in_both_directions()
    {
        var mismatches = CrdSchemaChecker.Check(CrdSchema.JobConfig(), typeof(JobConfig));

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    [Fact]
    public void The_schemas_are_read_deep_enough_to_matter()
    {
        // Guards against a checker that passes because it never reaches the nested fields.
        Assert.Contains("$.status.tasks[*].containerStates[*].exitCode", CrdSchema.PropertyPaths(CrdSchema.Job()));
        Assert.Contains("$.spec.template.spec.parallelism.withMatrix", CrdSchema.PropertyPaths(CrdSchema.JobConfig()));
        Assert.Contains("$.spec.option.options[*].multi.default", CrdSchema.PropertyPaths(CrdSchema.JobConfig()));
    }
}
