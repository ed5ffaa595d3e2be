using System.Diagnostics;

namespace Furiko.Samples.Controller.Tests.Integration;

/// <summary>Waits, in real time, for something the controller does in the background.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Polls <paramref name="condition"/> every 20 ms until it holds; fails the test with <paramref name="what"/> after the timeout.</summary>
    public static async Task<TimeSpan> WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null, Func<string>? diagnostics = null)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > (timeout ?? DefaultTimeout))
            {
                Assert.Fail($"Timed out after {watch.Elapsed.TotalSeconds:0.0} s waiting until {what}.{(diagnostics is null ? "" : Environment.NewLine + diagnostics())}");
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        return watch.Elapsed;
    }
}
