using BenchmarkDotNet.Attributes;
using GenPro.Sdk.Agents;
using GenPro.Sdk.Http;
using GenPro.Sdk.Serialization;
using Refit;

namespace GenPro.Sdk.Benchmarks;

/// <summary>
/// Whether <see cref="OperationRunner"/>'s state-passing overloads (a value tuple of the call's arguments and a static
/// lambda) save anything against the plain closure a simpler runner would take (<c>ct =&gt; api.GetAsync(agentId, uuid, ct)</c>,
/// which captures the arguments: a closure object and a delegate per call). Same runner, same Refit stub, in memory, no
/// policy: the difference between the two rows is the overload family's whole saving. For issue 17's restructuring.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerCallJob))]
public class RunnerOverloadBenchmarks
{
    private static readonly Uri Base = new("http://localhost/v1/");

    private HttpClient _http = null!;
    private IAgentsApi _api = null!;
    private OperationRunner _runner = null!;

    [GlobalSetup]
    public void Setup()
    {
        _http = new HttpClient(new CannedHandler()) { BaseAddress = Base };
        _api = RestService.ForGenerated<IAgentsApi>(_http, RefitSetup.Settings);
        _runner = new OperationRunner(new SecretScrubber(static () => Wire.ApiKey));
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();

    [Benchmark(Baseline = true, Description = "Runner: state tuple + static lambda (as the SDK calls it)")]
    public Task<Agent> StateTuple() => GetWithState(Wire.AgentId, includeOrganizationUuid: false);

    [Benchmark(Description = "Runner: plain closure over the arguments")]
    public Task<Agent> Closure() => GetWithClosure(Wire.AgentId, includeOrganizationUuid: false);

    /// <summary>What <c>AgentsClient.GetAsync</c> does today.</summary>
    private Task<Agent> GetWithState(long agentId, bool includeOrganizationUuid) =>
        _runner.RunAsync(
            "Agents.Get",
            (api: _api, agentId, uuid: includeOrganizationUuid ? "true" : null),
            static (s, ct) => s.api.GetAsync(s.agentId, s.uuid, ct),
            GenProJsonContext.Default.Agent,
            requestOptions: null,
            CancellationToken.None);

    /// <summary>The same call written with a capturing lambda (the state argument unused), as a closure-taking overload would receive it.</summary>
    private Task<Agent> GetWithClosure(long agentId, bool includeOrganizationUuid)
    {
        var api = _api;
        var uuid = includeOrganizationUuid ? "true" : null;
        return _runner.RunAsync(
            "Agents.Get",
            0,
            (_, ct) => api.GetAsync(agentId, uuid, ct),
            GenProJsonContext.Default.Agent,
            requestOptions: null,
            CancellationToken.None);
    }
}
