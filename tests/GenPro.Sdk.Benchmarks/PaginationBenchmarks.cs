using BenchmarkDotNet.Attributes;

namespace GenPro.Sdk.Benchmarks;

/// <summary>
/// Every avatar of a 10,000-avatar listing: 500 full pages of 20, then the empty page that ends it (501 requests either
/// way). The SDK (its policy, de-duplication and continuation tokens included) against a plain cursor loop behind
/// Microsoft's standard resilience strategies (the baseline, (d)), the same loop bare (a), and the same loop over a
/// generated Refit client with the SDK's models behind the standard strategies (e), as a Refit user would page.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PaginationJob))]
public class PaginationBenchmarks
{
    private LoopbackServer? _server;
    private GenProClient _sdk = null!;
    private HttpClient _plain = null!;
    private HttpClient _standard = null!;
    private HttpClient _sdkModelsRefitHttp = null!;
    private ISdkModelsRefitApi _sdkModelsRefit = null!;

    [ParamsSource(typeof(BenchJobs), nameof(BenchJobs.Transports))]
    public Transport Transport { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _server = Transport == Transport.Loopback ? new LoopbackServer() : null;
        var baseAddress = Clients.BaseAddress(Transport, _server);
        _sdk = Clients.CreateSdk(Transport, baseAddress);
        _plain = Clients.Http(Clients.Primary(Transport), baseAddress);
        _standard = Clients.Http(StandardResilience.CreateHandler(Clients.Primary(Transport)), baseAddress);
        _sdkModelsRefitHttp = Clients.Http(StandardResilience.CreateHandler(Clients.Primary(Transport)), baseAddress);
        _sdkModelsRefit = Clients.CreateSdkModelsRefit(_sdkModelsRefitHttp);
        WarmUp.Once($"{nameof(PaginationBenchmarks)} {Transport}", Sdk, SdkPages, Standard, SdkModelsRefit, Plain);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _plain.Dispose();
        _standard.Dispose();
        _sdkModelsRefitHttp.Dispose();
        _server?.Dispose();
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

    [Benchmark(Description = "10,000 avatars: SDK, page by page (AsPages)")]
    public async Task<int> SdkPages()
    {
        var count = 0;
        await foreach (var page in _sdk.Avatars.ListAsync(Wire.AgentId).AsPages())
        {
            count += page.Values.Count;
        }

        return Check(count);
    }

    [Benchmark(Baseline = true, Description = "10,000 avatars: (d) cursor loop + standard resilience")]
    public async Task<int> Standard() => Check(await HandWritten.CountAvatarsAsync(_standard, Wire.AgentId));

    [Benchmark(Description = "10,000 avatars: (e) Refit cursor loop, SDK models + standard resilience")]
    public async Task<int> SdkModelsRefit() => Check(await HandWritten.CountAvatarsAsync(_sdkModelsRefit, Wire.AgentId));

    [Benchmark(Description = "10,000 avatars: (a) cursor loop")]
    public async Task<int> Plain() => Check(await HandWritten.CountAvatarsAsync(_plain, Wire.AgentId));

    private static int Check(int count) =>
        count == Wire.LargeListing ? count : throw new InvalidOperationException($"Listed {count} avatars, not {Wire.LargeListing}.");
}
