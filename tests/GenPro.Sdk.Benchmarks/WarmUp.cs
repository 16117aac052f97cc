using System.Diagnostics;

namespace GenPro.Sdk.Benchmarks;

/// <summary>
/// Runs every case of a class in turn before the first one is measured, once per class and transport in the process
/// (BenchmarkDotNet calls the global setup once per case; the JIT's work is shared by all of them). Without it the first
/// case measured ran while tiered JIT was still compiling the code every client shares (HttpClient, System.Text.Json,
/// Polly, Refit): 40 % slower on the wall clock, and 4.6× on the CPU clock, which also counts the JIT's own thread (the
/// SDK's 10,000-avatar listing, first in its process, in a run on 6 December 2026).
/// </summary>
public static class WarmUp
{
    private static readonly HashSet<string> Done = [];

    /// <summary>
    /// Eight seconds of wall time on the wall clock (with one, the 10,000-avatar listing measured first still sped up
    /// from 19 to 6 ms an operation across its 15 iterations on 6 December 2026, 03:15; with three, the loopback listing
    /// measured first still settled from about 42 to 34 ms over its first ten iterations, in ten runs at 04:13-04:28); on the CPU clock (<see cref="BenchJobs.OnCpuClock"/>), two seconds of
    /// the process's CPU time, which on the loaded machine is 20-30 s of waiting for a core, and enough for the JIT's
    /// background thread to finish as well.
    /// </summary>
    public static void Once(string key, params Func<Task>[] cases)
    {
        if (BenchJobs.IsDry || !Done.Add(key))
        {
            return;
        }

        var cpu = BenchJobs.OnCpuClock;
        var clock = cpu ? ProcessCpuClock.Instance.GetTimestamp : (Func<long>)Stopwatch.GetTimestamp;
        var until = clock() + (cpu ? 2_000_000_000L : 8 * Stopwatch.Frequency);
        while (clock() < until)
        {
            foreach (var call in cases)
            {
                call().GetAwaiter().GetResult();
            }
        }
    }
}
