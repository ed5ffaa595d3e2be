using System.CommandLine;
using Furiko.Samples.Demo;
using k8s;
using NodaTime;

var forbid = new Option<bool>("--forbid-force-deletion") { Description = "Replay with spec.template.forbidTaskForceDeletion: the stuck task is never forced." };
var kubeconfig = new Option<string?>("--kubeconfig") { Description = "Run against the API server of this kubeconfig (Furiko's CRDs installed; no Furiko controller on the demo's Job) instead of the in-memory emulator." };
var ns = new Option<string>("--namespace", "-n") { Description = "Namespace of the demo's Job.", DefaultValueFactory = _ => "default" };
var root = new RootCommand("Furiko.Sdk demo: a Job killed end to end by the SDK, against the in-memory emulator (no cluster needed).") { forbid, kubeconfig, ns };
root.SetAction(async (parse, cancellationToken) =>
{
    var settings = new DemoSettings(parse.GetValue(forbid)) { Namespace = parse.GetValue(ns)! };
    await using var world = parse.GetValue(kubeconfig) is { } path
        ? new ClusterWorld(
            new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(path)),
            SystemClock.Instance, // the composition root: the one place that picks the real clock
            path)
        : (IDemoWorld)new EmbeddedWorld(Instant.FromUtc(2026, 1, 1, 9, 0));
    var report = await new DemoStory(world, settings with { Step = world is ClusterWorld ? Duration.FromMilliseconds(500) : settings.Step }, Console.Out)
        .RunAsync(cancellationToken);
    return report.ExitCode;
});
return await root.Parse(args).InvokeAsync();
