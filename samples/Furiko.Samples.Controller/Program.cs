// The composition root of the sample controller: the one place that picks the real clock and the real cluster.
// Everything else takes an IClock, a TimeProvider and an IKubernetes from the container, so the tests run the same
// wiring against the in-memory emulator.
using Furiko.Samples.Controller.Hosting;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

var builder = Host.CreateApplicationBuilder(args);

// Logs: one line per event, with scopes and UTC timestamps, as container log collectors like them.
builder.Logging.AddSimpleConsole(console =>
{
    console.SingleLine = true;
    console.UseUtcTimestamp = true;
    console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
});

builder.Services.AddSingleton<IKubernetes>(_ => new Kubernetes(KubernetesConnection.Configure()));
builder.Services.AddSingleton<IClock>(SystemClock.Instance);
builder.Services.AddFurikoSampleController();

using var host = builder.Build();
await host.RunAsync().ConfigureAwait(false);
