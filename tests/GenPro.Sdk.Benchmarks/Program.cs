using BenchmarkDotNet.Running;
using GenPro.Sdk.Benchmarks;

// `-- compare`: exactly the comparison benchmarks (per call, 10,000-avatar listing, upload), the run docs/performance.md
// reports. `-- prefetch`: the measured prefetch scenario. `-- interleaved [seconds] [transport]`: the per-call and
// listing cases measured in shuffled rounds (InterleavedProbe). `-- alloc`: bytes per call of every case, quickly
// (AllocationProbe). Anything else goes to BenchmarkDotNet (`-- --filter '*'`).
if (args is ["interleaved", .. var options])
{
    var seconds = options is [var s, ..] ? int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : 120;
    return await InterleavedProbe.RunAsync(seconds, options is [_, var t] ? Enum.Parse<Transport>(t) : Transport.Loopback);
}

if (args is ["prefetch"])
{
    return await PrefetchScenario.RunAsync();
}

if (args is ["alloc", .. var which])
{
    return await AllocationProbe.RunAsync(which.FirstOrDefault());
}

if (args is ["allocprofile", var description, .. var transport])
{
    return await AllocationProfile.RunAsync(description, transport is [var t] ? Enum.Parse<Transport>(t) : Transport.InMemory);
}

if (args is ["compare", .. var rest])
{
    BenchmarkSwitcher.FromTypes([typeof(PerCallBenchmarks), typeof(PaginationBenchmarks), typeof(UploadBenchmarks)])
        .RunAll(args: rest);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
