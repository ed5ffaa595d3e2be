using Furiko.Sdk.Kubernetes;

namespace Furiko.Sdk.Tests.Kubernetes;

/// <summary>Validation of the adapters' options: every problem at once, each by its configuration path.</summary>
public class FurikoKubernetesOptionsTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(new FurikoKubernetesOptions().Validate());
        Assert.True(new FurikoKubernetesOptionsValidator().Validate(null, new FurikoKubernetesOptions()).Succeeded);
    }

    [Fact]
    public void Every_problem_is_named_by_its_configuration_path()
    {
        var options = new FurikoKubernetesOptions
        {
            Retry = new KubernetesRetryOptions { MaxAttempts = 0 },
            PodDeletion = new PodDeletionOptions { GracePeriodSeconds = -1 },
            StatusWriter = new JobStatusWriterOptions { MaxAttempts = 0 },
            Events = new JobEventOptions { Component = "" },
            KillRequests = new Furiko.Sdk.KillRequests.KillRequestServiceOptions { MaxAttempts = 0 },
        };

        var problems = options.Validate();

        Assert.Equal(
            [
                "Furiko:Kubernetes:Retry:MaxAttempts is 0; it must be from 1 (no retries) to 100.",
                "Furiko:Kubernetes:PodDeletion:GracePeriodSeconds is -1; it must be unset (the Pod's own grace period) or from 0 to 31536000.",
                "Furiko:Kubernetes:StatusWriter:MaxAttempts is 0; it must be from 1 to 100.",
                "Furiko:Kubernetes:Events:Component is ''; it must be a name of 1 to 128 characters.",
                "Furiko:Kubernetes:KillRequests:MaxAttempts is 0; it must be from 1 to 100.",
            ],
            problems);
        Assert.Equal(problems, new FurikoKubernetesOptionsValidator().Validate(null, options).Failures);
    }

    [Fact]
    public void A_part_set_to_null_is_a_problem_not_a_crash()
    {
        var problems = new FurikoKubernetesOptions { Retry = null! }.Validate();

        Assert.Equal(["Furiko:Kubernetes:Retry is null; leave it unset for the defaults."], problems);
    }
}
