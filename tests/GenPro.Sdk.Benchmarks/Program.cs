using BenchmarkDotNet.Running;
using GenPro.Sdk.Benchmarks;

// `-- prefetch`: the measured prefetch scenario. Anything else goes to BenchmarkDotNet (`-- --filter '*'`).
if (args is ["prefetch"])
{
    return await PrefetchScenario.RunAsync();
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
