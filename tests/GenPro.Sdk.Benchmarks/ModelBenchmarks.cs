using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using GenPro.Sdk.Serialization;

namespace GenPro.Sdk.Benchmarks;

/// <summary>
/// The models layer alone: the canned bodies deserialized from bytes already in memory, the SDK's models against the
/// plain DTOs of the baselines. No HTTP at all; the difference is what the models (URIs, extension data, required
/// members, the voice converter) cost per body.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[Config(typeof(PerCallJob))]
public class ModelBenchmarks
{
    private static readonly byte[] AvatarPage = Wire.Answer("GET", "/v1/agents/1/avatars", "").Body;

    [Benchmark(Baseline = true, Description = "Agent: plain DTO"), BenchmarkCategory("Agent")]
    public PlainAgent? Agent_Plain() => JsonSerializer.Deserialize(Wire.AgentJson, PlainJsonContext.Default.PlainAgent);

    [Benchmark(Description = "Agent: SDK model"), BenchmarkCategory("Agent")]
    public Agent? Agent_Sdk() => JsonSerializer.Deserialize(Wire.AgentJson, GenProJsonContext.Default.Agent);

    [Benchmark(Baseline = true, Description = "50 summaries: plain DTOs"), BenchmarkCategory("List")]
    public List<PlainAgentSummary>? List_Plain() => JsonSerializer.Deserialize(Wire.AgentListJson, PlainJsonContext.Default.ListPlainAgentSummary);

    [Benchmark(Description = "50 summaries: SDK models"), BenchmarkCategory("List")]
    public List<AgentSummary>? List_Sdk() => JsonSerializer.Deserialize(Wire.AgentListJson, GenProJsonContext.Default.ListAgentSummary);

    [Benchmark(Baseline = true, Description = "20 avatars: plain DTOs"), BenchmarkCategory("Avatars")]
    public List<PlainAvatar>? Avatars_Plain() => JsonSerializer.Deserialize(AvatarPage, PlainJsonContext.Default.ListPlainAvatar);

    [Benchmark(Description = "20 avatars: SDK models"), BenchmarkCategory("Avatars")]
    public List<Avatar>? Avatars_Sdk() => JsonSerializer.Deserialize(AvatarPage, GenProJsonContext.Default.ListAvatar);
}
