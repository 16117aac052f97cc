using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace GenPro.Sdk.Benchmarks;

/// <summary>
/// Each class's job, sized so the comparison run (<c>-- compare</c>) stays under ~12 minutes on 2 cores. With
/// <c>GENPRO_BENCH_DRY=1</c> every class runs BenchmarkDotNet's Dry job instead (one invocation per case, in process so
/// nothing is rebuilt per case): CI uses it to keep the benchmarks compiling and running, never to time anything. With
/// <c>GENPRO_BENCH_QUICK=1</c>, ShortRun in process, for a quick look while profiling. <c>GENPRO_BENCH_ITERATIONS=N</c> sets
/// the tuned jobs' iteration count and <c>GENPRO_BENCH_TRANSPORT=InMemory|Loopback</c> keeps one transport (<see cref="Transports"/>). With <c>GENPRO_BENCH_CPU=1</c> the tuned
/// jobs time the CPU the process used rather than the wall clock (<see cref="ProcessCpuClock"/>: on a loaded shared machine). Every job runs in process: on a shared
/// machine BenchmarkDotNet's generated project did not build within its 120 s limit, and one process keeps the
/// comparison short; every case still gets its own warm-up, and the baselines share the process with the SDK.
/// </summary>
public abstract class BenchJobs : ManualConfig
{
    protected BenchJobs(Job tuned)
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("GENPRO_BENCH_ITERATIONS"), out var iterations) && iterations > 0)
        {
            tuned = tuned.WithIterationCount(iterations);
        }

        AddJob(
            IsDry ? Job.Dry.WithToolchain(InProcessEmitToolchain.Instance)
            : Environment.GetEnvironmentVariable("GENPRO_BENCH_QUICK") == "1" ? Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance)
            : Cpu(tuned.WithLaunchCount(1).WithToolchain(InProcessEmitToolchain.Instance)));
        AddColumn(new MedianRatioColumn());
    }

    public static bool IsDry => Environment.GetEnvironmentVariable("GENPRO_BENCH_DRY") == "1";

    /// <summary>
    /// The transports the per-call and listing classes run over: both, or the one <c>GENPRO_BENCH_TRANSPORT</c> names
    /// (<c>Loopback</c>: a long loopback-only run, whose medians need many more iterations than in-memory ones).
    /// </summary>
    public static IEnumerable<Transport> Transports =>
        Enum.TryParse<Transport>(Environment.GetEnvironmentVariable("GENPRO_BENCH_TRANSPORT"), ignoreCase: true, out var only)
            ? [only]
            : [Transport.InMemory, Transport.Loopback];

    /// <summary>With <c>GENPRO_BENCH_CPU=1</c>, every case is timed in the CPU time the process used (<see cref="ProcessCpuClock"/>).</summary>
    public static bool OnCpuClock => Environment.GetEnvironmentVariable("GENPRO_BENCH_CPU") == "1";

    private static Job Cpu(Job job) => OnCpuClock ? job.WithClock(ProcessCpuClock.Instance) : job;
}

/// <summary>
/// Short iterations (250 ms), 15 of them: over loopback, client and server share 2 cores, and with 9 an iteration or two
/// that lost a core moved a median by 10 %. The per-call and listing run takes about 8 minutes.
/// </summary>
public sealed class PerCallJob() : BenchJobs(Job.Default.WithWarmupCount(3).WithIterationCount(15).WithIterationTime(TimeInterval.FromMilliseconds(250)));

public sealed class PaginationJob() : BenchJobs(Job.Default.WithWarmupCount(5).WithIterationCount(15).WithIterationTime(TimeInterval.FromMilliseconds(250)));

public sealed class UploadJob() : BenchJobs(Job.Default.WithWarmupCount(2).WithIterationCount(9).WithIterationTime(TimeInterval.FromMilliseconds(250)));

public sealed class PrefetchJob() : BenchJobs(Job.Default.WithStrategy(RunStrategy.Monitoring).WithWarmupCount(1).WithIterationCount(8));
