using BenchmarkDotNet.Attributes;

namespace GenPro.Sdk.Benchmarks;

/// <summary>
/// Every avatar of a 10,000-avatar listing over loopback: 500 full pages of 20, then the empty page that ends it
/// (501 requests either way). The SDK (its resilience, de-duplication and continuation tokens included) against a plain
/// cursor loop over <see cref="HttpClient"/>, and the same loop behind the SDK's resilience policy, which separates
/// what the policy costs per page from what the rest of the SDK costs.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PaginationJob))]
public class PaginationBenchmarks
{
    private LoopbackServer _server = null!;
    private GenProClient _sdk = null!;
    private HttpClient _http = null!;
    private HttpClient _resilient = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = new LoopbackServer();
        _sdk = new GenProClient(Clients.Options(_server.BaseAddress));
        _http = Clients.Http(Clients.Primary(Transport.Loopback), _server.BaseAddress);
        _resilient = Clients.Http(Clients.ResilientHandler(Clients.Options(_server.BaseAddress), Transport.Loopback), _server.BaseAddress);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _http.Dispose();
        _resilient.Dispose();
        _server.Dispose();
    }

    [Benchmark(Description = "10,000 avatars: SDK")]
    public async Task<int> Sdk()
    {
        var count = 0;
        await foreach (var avatar in _sdk.Avatars.ListAsync(Wire.AgentId))
        {
            count++;
        }

        return Check(count);
    }

    [Benchmark(Baseline = true, Description = "10,000 avatars: hand-written cursor loop")]
    public async Task<int> HandWrittenLoop() => Check(await HandWritten.CountAvatarsAsync(_http, Wire.AgentId));

    [Benchmark(Description = "10,000 avatars: hand-written loop + the SDK's resilience")]
    public async Task<int> HandWrittenLoopWithResilience() => Check(await HandWritten.CountAvatarsAsync(_resilient, Wire.AgentId));

    private static int Check(int count) =>
        count == Wire.LargeListing ? count : throw new InvalidOperationException($"Listed {count} avatars, not {Wire.LargeListing}.");
}
