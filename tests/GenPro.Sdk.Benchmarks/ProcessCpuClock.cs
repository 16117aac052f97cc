using System.Runtime.InteropServices;
using Perfolizer.Horology;

namespace GenPro.Sdk.Benchmarks;

/// <summary>
/// The CPU time the whole benchmark process has used (Linux <c>CLOCK_PROCESS_CPUTIME_ID</c>, nanoseconds), as
/// BenchmarkDotNet's clock when <c>GENPRO_BENCH_CPU=1</c>. On the shared 2-core machine, wall time measures mostly how
/// long the process waited for a core (a Get in memory took 20-50 µs of wall time under a load average of 30, against
/// 3 µs on a quiet machine, with 50 % scatter); the CPU time it used does not include that wait. It counts every thread
/// of the process: the GC, the JIT, timers and, over loopback, the in-process server, the same for every contender.
/// </summary>
public sealed class ProcessCpuClock : IClock
{
    private const int ClockProcessCpuTimeId = 2;

    public static readonly ProcessCpuClock Instance = new();

    public string Title => "Process CPU time";

    public bool IsAvailable => OperatingSystem.IsLinux() && TryRead(out _);

    public Frequency Frequency => Frequency.GHz;

    public long GetTimestamp() => TryRead(out var nanoseconds) ? nanoseconds : throw new InvalidOperationException("clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed.");

    private static bool TryRead(out long nanoseconds)
    {
        var ok = ClockGetTime(ClockProcessCpuTimeId, out var time) == 0;
        nanoseconds = time.Seconds * 1_000_000_000 + time.Nanoseconds;
        return ok;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // DllImport rather than LibraryImport: a blittable signature needs no generated marshalling, nor unsafe code in the project.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clockId, out TimeSpec time);
}
