using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GenPro.Sdk.Agents;
using GenPro.Sdk.Http;
using GenPro.Sdk.Serialization;
using Refit;

namespace GenPro.Sdk.Benchmarks;

/// <summary>Where requests go: <see cref="CannedHandler"/> in memory (client cost only) or <see cref="LoopbackServer"/> over TCP.</summary>
public enum Transport
{
    InMemory,
    Loopback,
}

/// <summary>
/// The clients compared, each on its own transport instance: the SDK; (a) a hand-written <see cref="HttpClient"/> with
/// plain DTOs and their source-generated JSON context; (d) the same behind Microsoft's standard resilience strategies
/// (<see cref="StandardResilience"/>); (c) a plain source-generated Refit client over the same DTOs; (e) a plain
/// source-generated Refit client over the SDK's own models and JSON context behind the same standard strategies as (d).
/// </summary>
public sealed class Clients : IDisposable
{
    private readonly HttpClient _refitHttp;
    private readonly HttpClient _sdkModelsRefitHttp;

    private Clients(GenProClient sdk, HttpClient plain, HttpClient standard, HttpClient refitHttp, HttpClient sdkModelsRefitHttp)
    {
        Sdk = sdk;
        Plain = plain;
        Standard = standard;
        _refitHttp = refitHttp;
        _sdkModelsRefitHttp = sdkModelsRefitHttp;
        Refit = RestService.ForGenerated<IRefitAgentsApi>(refitHttp, RefitSettings.ForJsonContext(PlainJsonContext.Default));
        SdkModelsRefit = CreateSdkModelsRefit(sdkModelsRefitHttp);
    }

    public GenProClient Sdk { get; }

    /// <summary>(a): bare <see cref="HttpClient"/>.</summary>
    public HttpClient Plain { get; }

    /// <summary>(d): (a) behind Microsoft's standard resilience strategies.</summary>
    public HttpClient Standard { get; }

    /// <summary>(c): plain Refit.</summary>
    public IRefitAgentsApi Refit { get; }

    /// <summary>(e): plain generated Refit over the SDK's models, behind Microsoft's standard resilience strategies.</summary>
    internal ISdkModelsRefitApi SdkModelsRefit { get; }

    /// <summary>
    /// The JSON a user's Refit client over the SDK's models is given: the SDK's source-generated context (snake_case, its
    /// models and their converters) for what is read, and the plain DTOs' context for the one body a user writes (the
    /// create body; the SDK's own body description is internal). Equivalent to <c>RefitSettings.ForJsonContext</c> over
    /// one context listing both.
    /// </summary>
    public static RefitSettings SdkModelsSettings { get; } = new(new SystemTextJsonContentSerializer(
        new JsonSerializerOptions(GenProJsonContext.Default.Options)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(GenProJsonContext.Default, PlainJsonContext.Default),
        }));

    /// <summary>(e) over <paramref name="http"/>: Refit's generated client, no reflection.</summary>
    internal static ISdkModelsRefitApi CreateSdkModelsRefit(HttpClient http) =>
        RestService.ForGenerated<ISdkModelsRefitApi>(http, SdkModelsSettings);

    public static GenProClientOptions Options(Uri baseAddress) => new() { ApiKey = Wire.ApiKey, BaseAddress = baseAddress };

    public static Uri BaseAddress(Transport transport, LoopbackServer? server) =>
        transport == Transport.Loopback ? server!.BaseAddress : new Uri("http://localhost/v1/");

    public static Clients Create(Transport transport, LoopbackServer? server)
    {
        var baseAddress = BaseAddress(transport, server);
        return new Clients(
            CreateSdk(transport, baseAddress),
            Http(Primary(transport), baseAddress),
            Http(StandardResilience.CreateHandler(Primary(transport)), baseAddress),
            Http(Primary(transport), baseAddress),
            Http(StandardResilience.CreateHandler(Primary(transport)), baseAddress));
    }

    /// <summary>The SDK on the transport: its own socket handler over loopback, the canned handler in memory.</summary>
    public static GenProClient CreateSdk(Transport transport, Uri baseAddress, Action<GenProClientOptions>? configure = null)
    {
        var options = Options(baseAddress);
        configure?.Invoke(options);
        return transport == Transport.Loopback ? new GenProClient(options) : new GenProClient(options, new CannedHandler());
    }

    /// <summary>The SDK's resilience policy switched off (no total or attempt timeout, no retry, no circuit breaker).</summary>
    public static void PolicyOff(GenProClientOptions options)
    {
        options.Timeout = Timeout.InfiniteTimeSpan;
        options.Retry.MaxRetries = 0;
        options.Retry.CircuitBreakerEnabled = false;
        options.Retry.AttemptTimeout = Timeout.InfiniteTimeSpan;
    }

    /// <summary>The transport: the SDK's own socket handler settings over loopback, the canned handler in memory.</summary>
    public static HttpMessageHandler Primary(Transport transport) =>
        transport == Transport.Loopback ? GenProPipeline.CreatePrimaryHandler() : new CannedHandler();

    /// <summary>A hand-configured client sending the same headers as the SDK.</summary>
    public static HttpClient Http(HttpMessageHandler handler, Uri baseAddress)
    {
        var http = new HttpClient(handler) { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.TryAddWithoutValidation("X-API-Key", Wire.ApiKey);
        http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "GenPro.Sdk.Benchmarks/1.0");
        return http;
    }

    public void Dispose()
    {
        Sdk.Dispose();
        Plain.Dispose();
        Standard.Dispose();
        _refitHttp.Dispose();
        _sdkModelsRefitHttp.Dispose();
    }
}

/// <summary>The hand-written calls of baselines (a) and (d): what a careful user writes with <see cref="HttpClient"/>.</summary>
public static class HandWritten
{
    public static readonly CreateAgentRequest CreateRequest = new()
    {
        Name = "TrendBot",
        Description = "Finds what is trending and says it with a face.",
        OrganizationId = 10,
        TimeZone = "America/New_York",
    };

    public static PlainCreateBody CreateBody() => new()
    {
        OrganizationId = CreateRequest.OrganizationId,
        Agent = new PlainAgentFields { Name = CreateRequest.Name, Description = CreateRequest.Description, TimeZone = CreateRequest.TimeZone },
    };

    public static Task<PlainAgent> GetAgentAsync(HttpClient http, CancellationToken cancellationToken = default) =>
        GetAsync(http, "agents/1", PlainJsonContext.Default.PlainAgent, cancellationToken);

    public static Task<List<PlainAgentSummary>> ListAgentsAsync(HttpClient http, CancellationToken cancellationToken = default) =>
        GetAsync(http, "agents", PlainJsonContext.Default.ListPlainAgentSummary, cancellationToken);

    public static async Task<PlainAgent> CreateAgentAsync(HttpClient http, CancellationToken cancellationToken = default)
    {
        using var content = JsonContent.Create(CreateBody(), PlainJsonContext.Default.PlainCreateBody);
        using var response = await http.PostAsync("agents", content, cancellationToken);
        return (await ReadAsync(response, PlainJsonContext.Default.PlainAgentEnvelope, cancellationToken)).Agent!;
    }

    /// <summary>Every avatar of a listing with a plain cursor loop: the last id of a page is the next cursor; a short page ends it.</summary>
    public static async Task<int> CountAvatarsAsync(HttpClient http, long agentId, CancellationToken cancellationToken = default)
    {
        var count = 0;
        long? cursor = null;
        while (true)
        {
            var path = cursor is { } c ? $"agents/{agentId}/avatars?cursor={c}" : $"agents/{agentId}/avatars";
            var page = await GetAsync(http, path, PlainJsonContext.Default.ListPlainAvatar, cancellationToken);
            count += page.Count;
            if (page.Count < Wire.PageSize)
            {
                return count;
            }

            cursor = page[^1].Id;
        }
    }

    /// <summary>(e)'s listing: the same cursor loop a user writes over a Refit method (the last id is the next cursor; a short page ends it).</summary>
    internal static async Task<int> CountAvatarsAsync(ISdkModelsRefitApi api, long agentId, CancellationToken cancellationToken = default)
    {
        var count = 0;
        long? cursor = null;
        while (true)
        {
            var page = await api.ListAvatarsAsync(agentId, cursor, cancellationToken);
            count += page.Count;
            if (page.Count < Wire.PageSize)
            {
                return count;
            }

            cursor = page[^1].Id;
        }
    }

    public static async Task<T> GetAsync<T>(HttpClient http, string path, JsonTypeInfo<T> type, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return await ReadAsync(response, type, cancellationToken);
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken = default)
    {
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using (stream)
        {
            return (await JsonSerializer.DeserializeAsync(stream, type, cancellationToken))!;
        }
    }
}

/// <summary>Baseline (c): the agent endpoints as a plain Refit interface over the plain DTOs (Refit's source generator builds it).</summary>
public interface IRefitAgentsApi
{
    [Get("/agents/{agentId}")]
    Task<PlainAgent> GetAgentAsync(long agentId, CancellationToken cancellationToken = default);

    [Get("/agents")]
    Task<List<PlainAgentSummary>> ListAgentsAsync(CancellationToken cancellationToken = default);

    [Post("/agents")]
    Task<PlainAgentEnvelope> CreateAgentAsync([Body] PlainCreateBody body, CancellationToken cancellationToken = default);
}

/// <summary>(e): what a user would write with Refit over the SDK's own models and JSON context (internal only because the create envelope is).</summary>
internal interface ISdkModelsRefitApi
{
    [Get("/agents/{agentId}")]
    Task<Agent> GetAsync(long agentId, CancellationToken cancellationToken = default);

    [Get("/agents")]
    Task<List<AgentSummary>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary><c>POST /agents</c>: the body is a user's own DTO (the SDK's body description is internal); the answer is the SDK's envelope.</summary>
    [Post("/agents")]
    Task<AgentEnvelope> CreateAsync([Body] PlainCreateBody body, CancellationToken cancellationToken = default);

    /// <summary><c>GET /agents/{id}/avatars?cursor=…</c>: one page of up to 20 avatars above the cursor (none on the first page).</summary>
    [Get("/agents/{agentId}/avatars")]
    Task<List<Avatar>> ListAvatarsAsync(long agentId, [AliasAs("cursor")] long? cursor, CancellationToken cancellationToken = default);
}
