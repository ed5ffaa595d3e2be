using Furiko.Sdk.Models;
using Furiko.Sdk.Serialization;

namespace Furiko.Sdk.Tests.Serialization;

public class ExampleManifestLoadTests
{
    [Theory]
    [MemberData(nameof(Names))]
    public async Task Every_example_loads_into_its_model(string name)
    {
        var objects = await FurikoManifest.LoadFileAsync(FurikoFiles.Example(name), TestContext.Current.CancellationToken);

        var single = Assert.Single(objects);
        Assert.Equal(FurikoApi.GroupVersion, single.ApiVersion);
        Assert.IsType(name.StartsWith("jobs", StringComparison.Ordinal) ? typeof(Job) : typeof(JobConfig), single);
    }

    [Fact]
    public void Future_job_start_after_with_offset_is_the_right_instant()
    {
        var job = FurikoManifest.LoadSingle<Job>(File.ReadAllText(FurikoFiles.Example("jobs/12-adhoc-future-job.yaml")));

        Assert.Equal(NodaTime.Instant.FromUtc(2022, 3, 5, 16, 27), job.Spec.StartPolicy!.StartAfter);
        Assert.Equal(ConcurrencyPolicy.Enqueue, job.Spec.StartPolicy.ConcurrencyPolicy);
    }

    [Fact]
    public void Job_options_keep_their_types()
    {
        var config = FurikoManifest.LoadSingle<JobConfig>(
            File.ReadAllText(FurikoFiles.Example("jobconfigs/31-job-options--adhoc-refund-customer-payments.yaml")));

        var options = config.Spec.Option!.Options!;
        Assert.Equal(OptionType.String, options[0].Type);
        Assert.True(options[0].Required);
        Assert.Equal("immediate", options[1].Select!.Default);
        Assert.False(options[2].Bool!.Default);
        Assert.Equal("y", options[2].Bool!.TrueVal);
        Assert.Equal(BoolOptionFormat.Custom, options[2].Bool!.Format);
    }

    public static TheoryData<string> Names() => FurikoFiles.ExampleNames();
}
