using System.Diagnostics;
using GenPro.Sdk.ContractCheck;
using GenPro.Sdk.Testing;

// Usage: GenPro.Sdk.ContractCheck --prism <prism executable> [--spec <openapi file>]
// Starts the fake on loopback and Prism in proxy mode in front of it, drives every endpoint and documented error through
// Prism, and exits 0 only when every answer was the expected one and Prism found no violation. .ci/steps/15-contract.sh
// installs Prism and runs this; run it by hand the same way.
var prism = Option("--prism");
var spec = Option("--spec") ?? Path.Combine(AppContext.BaseDirectory, "openapi-agents.yaml");
if (prism is null || !File.Exists(prism))
{
    Console.Error.WriteLine($"Prism not found{(prism is null ? " (pass --prism <path>)" : $" at {prism}")}. Install it with "
                            + "`npm install --prefix <dir> @stoplight/prism-cli@5.14.2` and pass <dir>/node_modules/.bin/prism, "
                            + "or run .ci/steps/15-contract.sh, which does both.");
    return 2;
}

var clock = Stopwatch.StartNew();
var world = new World();
await using var server = await FakeGenProServer.StartAsync(world.Fake);
await using var proxy = await PrismProxy.StartAsync(prism, spec, server.BaseAddress, TimeSpan.FromSeconds(30));
Console.WriteLine($"fake at {server.BaseAddress}, Prism at {proxy.Address} validating against {spec} ({clock.Elapsed.TotalSeconds:0.0} s to start)");

using var http = new HttpClient { BaseAddress = proxy.Address, Timeout = TimeSpan.FromSeconds(10) };
using var images = new HttpClient { BaseAddress = new Uri(server.BaseAddress, "/"), Timeout = TimeSpan.FromSeconds(10) };
var run = new ContractRun(http, Console.Out);
try
{
    await Scenarios.RunAsync(run, world, images);
    run.RequireCovered(Scenarios.Documented);
}
catch (PrismGoneException e)
{
    run.Fail(e.Message);
}

Console.WriteLine($"contract: {run.Exchanges} exchanges through Prism, {run.Violations} violation(s), {run.Failures.Count} failure(s) in {clock.Elapsed.TotalSeconds:0.0} s");
if (run.Failures.Count == 0)
{
    return 0;
}

Console.WriteLine("failures:");
foreach (var failure in run.Failures)
{
    Console.WriteLine("  " + failure);
}

Console.WriteLine("Prism's log (warnings and errors):");
Console.WriteLine(proxy.Log);
return 1;

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
