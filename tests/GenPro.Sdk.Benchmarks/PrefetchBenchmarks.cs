using BenchmarkDotNet.Attributes;

namespace GenPro.Sdk.Benchmarks;

/// <summary>
/// A slow listing read by a slow consumer: the server takes <see cref="Latency"/> per page (10 full pages of 20, then
/// the empty last page) and the consumer spends as long on each page. With prefetch the next page is requested while
/// the consumer works, so about one round trip per page disappears.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PrefetchJob))]
public class PrefetchBenchmarks
{
    public static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(20);

    private LoopbackServer _server = null!;
    private GenProClient _sdk = null!;

    [Params(false, true)]
    public bool Prefetch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _server = new LoopbackServer { PageDelay = Latency };
        _sdk = new GenProClient(Clients.Options(_server.BaseAddress));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _server.Dispose();
    }

    [Benchmark(Description = "10 pages, 20 ms server + 20 ms consumer per page")]
    public Task<int> ConsumeSlowly() => ConsumeAsync(_sdk, Prefetch);

    /// <summary>Reads agent 2's listing page by page, spending <see cref="Latency"/> on each; returns the avatar count.</summary>
    public static async Task<int> ConsumeAsync(GenProClient client, bool prefetch)
    {
        var count = 0;
        await foreach (var page in client.Avatars.ListAsync(2, new AvatarListOptions { Prefetch = prefetch }).AsPages())
        {
            count += page.Values.Count;
            await Task.Delay(Latency);
        }

        return count == Wire.SmallListing ? count : throw new InvalidOperationException($"Listed {count} avatars, not {Wire.SmallListing}.");
    }
}
