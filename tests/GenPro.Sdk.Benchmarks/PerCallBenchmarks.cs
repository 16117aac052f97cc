using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace GenPro.Sdk.Benchmarks;

/// <summary>
/// One API call, four ways, on each transport. The baseline of each group is (b): a hand-written <see cref="HttpClient"/>
/// call behind the SDK's own resilience handler, so the Ratio column is what the SDK's own layers cost on top of that.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
[Config(typeof(PerCallJob))]
public class PerCallBenchmarks
{
    private LoopbackServer? _server;
    private Clients _clients = null!;

    [Params(Transport.InMemory, Transport.Loopback)]
    public Transport Transport { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _server = Transport == Transport.Loopback ? new LoopbackServer() : null;
        _clients = Clients.Create(Transport, _server);
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
    public Task<Agent> Get_HttpClient() => HandWritten.GetAgentAsync(_clients.Plain);

    [Benchmark(Baseline = true, Description = "Get: (b) HttpClient + resilience"), BenchmarkCategory("Get")]
    public Task<Agent> Get_HttpClientResilience() => HandWritten.GetAgentAsync(_clients.Resilient);

    [Benchmark(Description = "Get: (c) Refit default"), BenchmarkCategory("Get")]
    public Task<Agent> Get_Refit() => _clients.Refit.GetAgentAsync(Wire.AgentId);

    [Benchmark(Description = "List 50: SDK"), BenchmarkCategory("List")]
    public Task<IReadOnlyList<AgentSummary>> List_Sdk() => _clients.Sdk.Agents.ListAsync();

    [Benchmark(Description = "List 50: (a) HttpClient"), BenchmarkCategory("List")]
    public Task<List<AgentSummary>> List_HttpClient() => HandWritten.ListAgentsAsync(_clients.Plain);

    [Benchmark(Baseline = true, Description = "List 50: (b) HttpClient + resilience"), BenchmarkCategory("List")]
    public Task<List<AgentSummary>> List_HttpClientResilience() => HandWritten.ListAgentsAsync(_clients.Resilient);

    [Benchmark(Description = "List 50: (c) Refit default"), BenchmarkCategory("List")]
    public Task<List<AgentSummary>> List_Refit() => _clients.Refit.ListAgentsAsync();

    [Benchmark(Description = "Create: SDK"), BenchmarkCategory("Create")]
    public Task<Agent> Create_Sdk() => _clients.Sdk.Agents.CreateAsync(HandWritten.CreateRequest);

    [Benchmark(Description = "Create: (a) HttpClient"), BenchmarkCategory("Create")]
    public Task<Agent> Create_HttpClient() => HandWritten.CreateAgentAsync(_clients.Plain);

    [Benchmark(Baseline = true, Description = "Create: (b) HttpClient + resilience"), BenchmarkCategory("Create")]
    public Task<Agent> Create_HttpClientResilience() => HandWritten.CreateAgentAsync(_clients.Resilient);

    [Benchmark(Description = "Create: (c) Refit default"), BenchmarkCategory("Create")]
    public async Task<Agent> Create_Refit()
    {
        var request = HandWritten.CreateRequest;
        var envelope = await _clients.Refit.CreateAgentAsync(new RefitCreateAgentBody
        {
            OrganizationId = request.OrganizationId,
            Agent = new RefitAgentFields { Name = request.Name, Description = request.Description, TimeZone = request.TimeZone },
        });
        return envelope.Agent!;
    }
}
