using Furiko.Sdk.Termination;

namespace Furiko.Sdk.Tests.Termination;

public class TerminationOptionsValidatorTests
{
    private static readonly TerminationOptionsValidator Validator = new();

    [Fact]
    public void Defaults_are_Furiko_s_and_valid()
    {
        var options = new TerminationOptions();

        Assert.Equal(900, options.ForceDeleteTaskTimeoutSeconds);
        Assert.Equal(900, options.DefaultPendingTimeoutSeconds);
        Assert.True(options.MaxConcurrentDeletes >= 1);
        Assert.True(Validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Zero_timeouts_are_valid_and_mean_disabled()
    {
        var options = new TerminationOptions { ForceDeleteTaskTimeoutSeconds = 0, DefaultPendingTimeoutSeconds = 0 };

        Assert.True(Validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(-1, 900, 8, "Furiko:Termination:ForceDeleteTaskTimeoutSeconds is -1, but must be between 0 (which disables force deletion) and 3153600000 seconds.")]
    [InlineData(900, -1, 8, "Furiko:Termination:DefaultPendingTimeoutSeconds is -1, but must be between 0 (which disables the default pending timeout) and 3153600000 seconds.")]
    [InlineData(900, 900, 0, "Furiko:Termination:MaxConcurrentDeletes is 0, but must be between 1 and 2147483647.")]
    [InlineData(3_153_600_001, 900, 8, "Furiko:Termination:ForceDeleteTaskTimeoutSeconds is 3153600001, but must be between 0 (which disables force deletion) and 3153600000 seconds.")]
    public void Each_invalid_setting_is_named_with_its_value_and_range(long force, long pending, int concurrency, string expected)
    {
        var options = new TerminationOptions { ForceDeleteTaskTimeoutSeconds = force, DefaultPendingTimeoutSeconds = pending, MaxConcurrentDeletes = concurrency };

        var result = Validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal([expected], result.Failures);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var options = new TerminationOptions { ForceDeleteTaskTimeoutSeconds = -5, DefaultPendingTimeoutSeconds = -6, MaxConcurrentDeletes = -7 };

        var result = Validator.Validate(null, options);

        Assert.Equal(3, result.Failures!.Count());
    }
}
