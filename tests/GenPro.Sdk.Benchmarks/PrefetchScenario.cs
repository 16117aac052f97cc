using System.Diagnostics;
using System.Globalization;

namespace GenPro.Sdk.Benchmarks;

/// <summary>
/// The prefetch claim as a measured console scenario (<c>-- prefetch</c>): median wall time of the slow listing of
/// <see cref="PrefetchBenchmarks"/> with prefetch off and on, and the number of page requests the server saw. Fails
/// (exit 1) unless prefetch saves at least a third, and unless prefetch off never requests a page before it is needed.
/// </summary>
public static class PrefetchScenario
{
    private const int Runs = 7;
    private const int Pages = (Wire.SmallListing / Wire.PageSize) + 1;

    public static async Task<int> RunAsync()
    {
        using var server = new LoopbackServer { PageDelay = PrefetchBenchmarks.Latency };
        using var client = new GenProClient(Clients.Options(server.BaseAddress));
        await PrefetchBenchmarks.ConsumeAsync(client, prefetch: false); // warm up connections and JIT
        await PrefetchBenchmarks.ConsumeAsync(client, prefetch: true);

        var failures = 0;
        var medians = new Dictionary<bool, double>();
        foreach (var prefetch in new[] { false, true })
        {
            var times = new List<double>();
            for (var run = 0; run < Runs; run++)
            {
                server.ResetCounters();
                var started = Stopwatch.GetTimestamp();
                await PrefetchBenchmarks.ConsumeAsync(client, prefetch);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (server.SmallListingPages != Pages)
                {
                    Console.WriteLine($"prefetch {(prefetch ? "on" : "off")}: {server.SmallListingPages} page requests, expected {Pages}");
                    failures++;
                }
            }

            times.Sort();
            medians[prefetch] = times[Runs / 2];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"prefetch {(prefetch ? "on " : "off")}: median {medians[prefetch]:F1} ms over {Runs} runs (min {times[0]:F1}, max {times[^1]:F1}), {Pages} page requests per listing"));
        }

        // Stopping after the first page: without prefetch the server sees exactly one request.
        server.ResetCounters();
        await foreach (var page in client.Avatars.ListAsync(2).AsPages())
        {
            break;
        }

        await Task.Delay(PrefetchBenchmarks.Latency * 3);
        Console.WriteLine($"prefetch off, stop after page 1: {server.SmallListingPages} page request(s)");
        failures += server.SmallListingPages == 1 ? 0 : 1;

        var saved = 1 - (medians[true] / medians[false]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"prefetch saves {saved:P1} of the listing time (target: at least 33.3%)"));
        failures += saved >= 1.0 / 3 ? 0 : 1;
        return failures == 0 ? 0 : 1;
    }
}
