using System.Diagnostics;
using System.Globalization;
using k8s;

namespace Furiko.Sdk.Benchmarks.Kubernetes;

/// <summary>
/// The emulator host (<see cref="EmulatorHost"/>) running as a child process of the benchmark: this assembly started
/// again with <see cref="EmulatorHost.Argument"/>. <see cref="SeedAsync"/> gets a fresh cluster and a client for it;
/// dispose to stop the child. Not thread-safe: one seed at a time.
/// </summary>
public sealed class EmulatorHostProcess : IDisposable
{
    private readonly Process _process;

    private EmulatorHostProcess(Process process) => _process = process;

    /// <summary>Starts the child process (<c>dotnet exec Furiko.Sdk.Benchmarks.dll --emulator-host</c>).</summary>
    /// <returns>The running host.</returns>
    public static EmulatorHostProcess Start()
    {
        var start = new ProcessStartInfo
        {
            FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet",
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(EmulatorHost).Assembly.Location);
        start.ArgumentList.Add(EmulatorHost.Argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("The emulator host process did not start.");
        return new EmulatorHostProcess(process);
    }

    /// <summary>Has the host seed a fresh <see cref="KillDueCluster"/> and returns a client for it.</summary>
    /// <param name="taskCount">How many tasks the Job has.</param>
    /// <returns>A KubernetesClient talking to the fresh cluster over loopback HTTP; the caller disposes it.</returns>
    /// <exception cref="InvalidOperationException">The host stopped or answered something else.</exception>
    public async Task<k8s.Kubernetes> SeedAsync(int taskCount)
    {
        await _process.StandardInput.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"seed {taskCount}")).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
        var answer = await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false);
        if (answer is null || !answer.StartsWith("ready ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The emulator host answered '{answer}' instead of 'ready URL' (exit code {(_process.HasExited ? _process.ExitCode : null)}).");
        }

        return new k8s.Kubernetes(new KubernetesClientConfiguration { Host = answer["ready ".Length..].TrimEnd('/') });
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.WriteLine("stop");
                _process.StandardInput.Flush();
                if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
                {
                    _process.Kill();
                }
            }
        }
        finally
        {
            _process.Dispose();
        }
    }
}
