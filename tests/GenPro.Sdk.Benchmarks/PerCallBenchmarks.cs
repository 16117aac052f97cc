using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace GenPro.Sdk.Benchmarks;

/// <summary>
/// One API call, five ways, on each transport. The baseline of each group is (d): a hand-written <see cref="HttpClient"/>
/// call with plain DTOs behind Microsoft's standard resilience strategies, so the ratio columns say what the SDK costs
/// against what a careful user would write instead.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
[Config(typeof(PerCallJob))]
public class PerCallBenchmarks
{
    private LoopbackServer? _server;
    private Clients _clients = null!;

    [ParamsSource(typeof(BenchJobs), nameof(BenchJobs.Transports))]
    public Transport Transport { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _server = Transport == Transport.Loopback ? new LoopbackServer() : null;
        _clients = Clients.Create(Transport, _server);
        WarmUp.Once(
            $"{nameof(PerCallBenchmarks)} {Transport}",
            Get_Sdk, Get_HttpClient, Get_Standard, Get_Refit, Get_SdkModelsRefit, List_Sdk, List_HttpClient, List_Standard,
            List_Refit, List_SdkModelsRefit, Create_Sdk, Create_HttpClient, Create_Standard, Create_Refit, Create_SdkModelsRefit);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _clients.Dispose();
        _server?.Dispose();
    }

    [Benchmark(Description = "Get: SDK"), BenchmarkCategory("Get")]
    public Task<Agent> Get_Sdk() => _clients.Sdk.Agents.GetAsync(Wire.AgentId);

    [Benchmark(Description = "Get: (a) HttpClient"), BenchmarkCategory("Get")]
    public Task<PlainAgent> Get_HttpClient() => HandWritten.GetAgentAsync(_clients.Plain);

    [Benchmark(Baseline = true, Description = "Get: (d) HttpClient + standard resilience"), BenchmarkCategory("Get")]
    public Task<PlainAgent> Get_Standard() => HandWritten.GetAgentAsync(_clients.Standard);

    [Benchmark(Description = "Get: (c) Refit"), BenchmarkCategory("Get")]
    public Task<PlainAgent> Get_Refit() => _clients.Refit.GetAgentAsync(Wire.AgentId);

    [Benchmark(Description = "Get: (e) Refit, SDK models + standard resilience"), BenchmarkCategory("Get")]
    public Task<Agent> Get_SdkModelsRefit() => _clients.SdkModelsRefit.GetAsync(Wire.AgentId);

    [Benchmark(Description = "List 50: SDK"), BenchmarkCategory("List")]
    public Task<IReadOnlyList<AgentSummary>> List_Sdk() => _clients.Sdk.Agents.ListAsync();

    [Benchmark(Description = "List 50: (a) HttpClient"), BenchmarkCategory("List")]
    public Task<List<PlainAgentSummary>> List_HttpClient() => HandWritten.ListAgentsAsync(_clients.Plain);

    [Benchmark(Baseline = true, Description = "List 50: (d) HttpClient + standard resilience"), BenchmarkCategory("List")]
    public Task<List<PlainAgentSummary>> List_Standard() => HandWritten.ListAgentsAsync(_clients.Standard);

    [Benchmark(Description = "List 50: (c) Refit"), BenchmarkCategory("List")]
    public Task<List<PlainAgentSummary>> List_Refit() => _clients.Refit.ListAgentsAsync();

    [Benchmark(Description = "List 50: (e) Refit, SDK models + standard resilience"), BenchmarkCategory("List")]
    public Task<List<AgentSummary>> List_SdkModelsRefit() => _clients.SdkModelsRefit.ListAsync();

    [Benchmark(Description = "Create: SDK"), BenchmarkCategory("Create")]
    public Task<Agent> Create_Sdk() => _clients.Sdk.Agents.CreateAsync(HandWritten.CreateRequest);

    [Benchmark(Description = "Create: (a) HttpClient"), BenchmarkCategory("Create")]
    public Task<PlainAgent> Create_HttpClient() => HandWritten.CreateAgentAsync(_clients.Plain);

    [Benchmark(Baseline = true, Description = "Create: (d) HttpClient + standard resilience"), BenchmarkCategory("Create")]
    public Task<PlainAgent> Create_Standard() => HandWritten.CreateAgentAsync(_clients.Standard);

    [Benchmark(Description = "Create: (c) Refit"), BenchmarkCategory("Create")]
    public async Task<PlainAgent> Create_Refit() => (await _clients.Refit.CreateAgentAsync(HandWritten.CreateBody())).Agent!;

    [Benchmark(Description = "Create: (e) Refit, SDK models + standard resilience"), BenchmarkCategory("Create")]
    public async Task<Agent> Create_SdkModelsRefit() => (await _clients.SdkModelsRefit.CreateAsync(HandWritten.CreateBody())).Agent!;
}
