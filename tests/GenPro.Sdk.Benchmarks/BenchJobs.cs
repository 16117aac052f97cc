using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace GenPro.Sdk.Benchmarks;

/// <summary>
/// Each class's job, sized so the full run stays under ~15 minutes on 2 cores. With <c>GENPRO_BENCH_DRY=1</c> every class
/// runs BenchmarkDotNet's Dry job instead (and with <c>GENPRO_BENCH_QUICK=1</c> its ShortRun job, in process, for a quick look while profiling) (one invocation per case), in process so nothing is rebuilt per case: CI uses it to keep the benchmarks compiling and
/// running, never to time anything.
/// </summary>
public abstract class BenchJobs : ManualConfig
{
    protected BenchJobs(Job tuned) => AddJob(
        IsDry ? Job.Dry.WithToolchain(InProcessEmitToolchain.Instance)
        : Environment.GetEnvironmentVariable("GENPRO_BENCH_QUICK") == "1" ? Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance)
        : tuned.WithLaunchCount(1));

    public static bool IsDry => Environment.GetEnvironmentVariable("GENPRO_BENCH_DRY") == "1";
}

public sealed class PerCallJob() : BenchJobs(Job.Default.WithWarmupCount(3).WithIterationCount(10));

public sealed class PaginationJob() : BenchJobs(Job.Default.WithWarmupCount(2).WithIterationCount(10));

public sealed class UploadJob() : BenchJobs(Job.Default.WithWarmupCount(2).WithIterationCount(10));

public sealed class PrefetchJob() : BenchJobs(Job.Default.WithStrategy(RunStrategy.Monitoring).WithWarmupCount(1).WithIterationCount(8));
