using Furiko.Samples.Controller.Hosting;
using Furiko.Samples.Controller.Leadership;

namespace Furiko.Samples.Controller.Tests.Leadership;

public sealed class LeaseTargetTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void The_identity_is_the_Pod_name_then_the_host_name()
    {
        var options = new LeaderElectionOptions();

        Assert.Equal("controller-7d9f-abcde", LeaseTarget.Resolve(options, Env(("POD_NAME", "controller-7d9f-abcde"), ("HOSTNAME", "other"))).Identity);
        Assert.Equal("controller-7d9f-xyz", LeaseTarget.Resolve(options, Env(("HOSTNAME", "controller-7d9f-xyz"))).Identity);
    }

    [Fact]
    public void Without_a_name_in_the_environment_each_replica_gets_a_random_one()
    {
        var first = LeaseTarget.Resolve(new LeaderElectionOptions(), Env()).Identity;
        var second = LeaseTarget.Resolve(new LeaderElectionOptions(), Env()).Identity;

        Assert.Matches("^furiko-sample-controller-[0-9a-f]{8}$", first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Settings_win_over_the_environment_and_the_namespace_falls_back_to_POD_NAMESPACE_then_default()
    {
        var configured = new LeaderElectionOptions { Identity = "me", LeaseNamespace = "ops", LeaseName = "lock" };

        Assert.Equal(new LeaseTarget("ops", "lock", "me"), LeaseTarget.Resolve(configured, Env(("POD_NAME", "pod"), ("POD_NAMESPACE", "furiko-system"))));
        Assert.Equal("furiko-system", LeaseTarget.Resolve(new LeaderElectionOptions(), Env(("POD_NAMESPACE", "furiko-system"))).Namespace);
        Assert.Equal("default", LeaseTarget.Resolve(new LeaderElectionOptions { LeaseNamespace = " " }, Env()).Namespace);
    }
}

public sealed class ControllerOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new ControllerOptionsValidator().Validate(null, new ControllerOptions()).Succeeded);
    }

    [Fact]
    public void Every_setting_out_of_range_is_named_with_what_is_allowed()
    {
        var options = new ControllerOptions
        {
            Workers = 0,
            RetryBaseDelay = TimeSpan.FromSeconds(10),
            RetryMaxDelay = TimeSpan.FromSeconds(1),
            LeaderElection = new LeaderElectionOptions
            {
                LeaseName = "",
                LeaseDuration = TimeSpan.FromSeconds(10),
                RenewDeadline = TimeSpan.FromSeconds(10),
                RetryPeriod = TimeSpan.FromSeconds(9),
            },
        };

        var result = new ControllerOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(
            [
                "Controller:Workers is 0; it must be at least 1.",
                "Controller:RetryMaxDelay is 00:00:01; it must be at least RetryBaseDelay (00:00:10).",
                "Controller:LeaderElection:LeaseName is empty; name the Lease the replicas compete for.",
                "Controller:LeaderElection:RenewDeadline is 00:00:10; it must be more than 1.2 x RetryPeriod (00:00:10.8000000).",
                "Controller:LeaderElection:LeaseDuration is 00:00:10; it must be more than RenewDeadline (00:00:10), or a leader could still be working when another takes over.",
            ],
            result.Failures);
    }
}
