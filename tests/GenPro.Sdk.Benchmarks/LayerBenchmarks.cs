using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using GenPro.Sdk.Agents;
using GenPro.Sdk.Http;
using GenPro.Sdk.Operations;
using GenPro.Sdk.Serialization;
using Refit;

namespace GenPro.Sdk.Benchmarks;

/// <summary>
/// Where the SDK's time and bytes go, layer by layer, over the in-memory transport: each case adds one layer to the one
/// before it, from the bare transport to the whole SDK. Differences between neighbouring rows are the cost of a layer.
/// Not part of the comparison run (<c>-- compare</c>); run it with <c>--filter '*LayerBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[Config(typeof(PerCallJob))]
public class LayerBenchmarks
{
    private static readonly Uri Base = new("http://localhost/v1/");

    private HttpClient _bare = null!;
    private HttpClient _handlers = null!;
    private HttpClient _standard = null!;
    private ISdkModelsRefitApi _refit = null!;
    private GenProClient _sdkPolicyOff = null!;
    private GenProClient _sdk = null!;

    [GlobalSetup]
    public void Setup()
    {
        _bare = Clients.Http(new CannedHandler(), Base);
        _standard = Clients.Http(StandardResilience.CreateHandler(new CannedHandler()), Base);

        // The SDK's own hop handler (API key, User-Agent, request id, redirect guard), no policy, as the SDK stacks it.
        var options = Clients.Options(Base);
        _handlers = new HttpClient(GenProPipeline.CreateRedirectHandler(options, static () => Wire.ApiKey, new CannedHandler()))
        {
            BaseAddress = Base,
        };
        _refit = RestService.ForGenerated<ISdkModelsRefitApi>(_handlers, RefitSettings.ForJsonContext(GenProJsonContext.Default));
        _sdkPolicyOff = Clients.CreateSdk(Transport.InMemory, Base, Clients.PolicyOff);
        _sdk = Clients.CreateSdk(Transport.InMemory, Base);
        WarmUp.Once(
            nameof(LayerBenchmarks),
            Get_Transport, Get_PlainDtos, Get_SdkModels, Get_Handlers, Get_Refit, Get_SdkPolicyOff, Get_Sdk, Get_Standard,
            List_Transport, List_PlainDtos, List_SdkModels, List_Handlers, List_Refit, List_SdkPolicyOff, List_Sdk, List_Standard);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bare.Dispose();
        _handlers.Dispose();
        _standard.Dispose();
        _sdkPolicyOff.Dispose();
        _sdk.Dispose();
    }

    [Benchmark(Description = "Get 0: transport, body not read"), BenchmarkCategory("Get")]
    public async Task<long> Get_Transport()
    {
        using var response = await _bare.GetAsync("agents/1", HttpCompletionOption.ResponseHeadersRead);
        return response.Content.Headers.ContentLength ?? 0;
    }

    [Benchmark(Baseline = true, Description = "Get 1: (a) plain DTOs"), BenchmarkCategory("Get")]
    public Task<PlainAgent> Get_PlainDtos() => HandWritten.GetAgentAsync(_bare);

    [Benchmark(Description = "Get 2: (a) with the SDK's models"), BenchmarkCategory("Get")]
    public Task<Agent> Get_SdkModels() => HandWritten.GetAsync(_bare, "agents/1", GenProJsonContext.Default.Agent);

    [Benchmark(Description = "Get 3: + SDK hop handler (API key, redirects)"), BenchmarkCategory("Get")]
    public Task<Agent> Get_Handlers() => HandWritten.GetAsync(_handlers, "agents/1", GenProJsonContext.Default.Agent);

    [Benchmark(Description = "Get 4: + a generated Refit client (SDK models)"), BenchmarkCategory("Get")]
    public Task<Agent> Get_Refit() => _refit.GetAsync(Wire.AgentId);

    [Benchmark(Description = "Get 5: SDK, policy off (+ runner, scope, facade)"), BenchmarkCategory("Get")]
    public Task<Agent> Get_SdkPolicyOff() => _sdkPolicyOff.Agents.GetAsync(Wire.AgentId);

    [Benchmark(Description = "Get 6: SDK (+ its policy)"), BenchmarkCategory("Get")]
    public Task<Agent> Get_Sdk() => _sdk.Agents.GetAsync(Wire.AgentId);

    [Benchmark(Description = "Get 7: (d) = (a) + standard resilience"), BenchmarkCategory("Get")]
    public Task<PlainAgent> Get_Standard() => HandWritten.GetAgentAsync(_standard);

    [Benchmark(Description = "List 0: transport, body not read"), BenchmarkCategory("List")]
    public async Task<long> List_Transport()
    {
        using var response = await _bare.GetAsync("agents", HttpCompletionOption.ResponseHeadersRead);
        return response.Content.Headers.ContentLength ?? 0;
    }

    [Benchmark(Baseline = true, Description = "List 1: (a) plain DTOs"), BenchmarkCategory("List")]
    public Task<List<PlainAgentSummary>> List_PlainDtos() => HandWritten.ListAgentsAsync(_bare);

    [Benchmark(Description = "List 2: (a) with the SDK's models"), BenchmarkCategory("List")]
    public Task<List<AgentSummary>> List_SdkModels() => HandWritten.GetAsync(_bare, "agents", GenProJsonContext.Default.ListAgentSummary);

    [Benchmark(Description = "List 3: + SDK hop handler (API key, redirects)"), BenchmarkCategory("List")]
    public Task<List<AgentSummary>> List_Handlers() => HandWritten.GetAsync(_handlers, "agents", GenProJsonContext.Default.ListAgentSummary);

    [Benchmark(Description = "List 4: + a generated Refit client (SDK models)"), BenchmarkCategory("List")]
    public Task<List<AgentSummary>> List_Refit() => _refit.ListAsync();

    [Benchmark(Description = "List 5: SDK, policy off (+ runner, scope, facade)"), BenchmarkCategory("List")]
    public Task<IReadOnlyList<AgentSummary>> List_SdkPolicyOff() => _sdkPolicyOff.Agents.ListAsync();

    [Benchmark(Description = "List 6: SDK (+ its policy)"), BenchmarkCategory("List")]
    public Task<IReadOnlyList<AgentSummary>> List_Sdk() => _sdk.Agents.ListAsync();

    [Benchmark(Description = "List 7: (d) = (a) + standard resilience"), BenchmarkCategory("List")]
    public Task<List<PlainAgentSummary>> List_Standard() => HandWritten.ListAgentsAsync(_standard);
}
