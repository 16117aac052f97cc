using System.Net.Http.Json;
using System.Text.Json;
using GenPro.Sdk.Agents;
using GenPro.Sdk.Http;
using GenPro.Sdk.Http.Resilience;
using GenPro.Sdk.Serialization;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;

namespace GenPro.Sdk.Benchmarks;

/// <summary>Where requests go: <see cref="CannedHandler"/> in memory (client cost only) or <see cref="LoopbackServer"/> over TCP.</summary>
public enum Transport
{
    InMemory,
    Loopback,
}

/// <summary>
/// The clients compared, each on its own transport instance: the SDK, (a) a hand-written <see cref="HttpClient"/> reading
/// with the SDK's source-generated JSON metadata, (b) the same behind the SDK's own resilience handler, and (c) a
/// Refit client built by <see cref="RestService.For{T}(HttpClient, RefitSettings)"/>.
/// </summary>
public sealed class Clients : IDisposable
{
    private Clients(GenProClient sdk, HttpClient plain, HttpClient resilient, HttpClient refitHttp)
    {
        Sdk = sdk;
        Plain = plain;
        Resilient = resilient;
        RefitHttp = refitHttp;
        Refit = RestService.For<IRefitAgentsApi>(refitHttp, RefitReflection.Settings);
    }

    public GenProClient Sdk { get; }

    public HttpClient Plain { get; }

    public HttpClient Resilient { get; }

    public IRefitAgentsApi Refit { get; }

    private HttpClient RefitHttp { get; }

    public static GenProClientOptions Options(Uri baseAddress) => new() { ApiKey = Wire.ApiKey, BaseAddress = baseAddress };

    public static Clients Create(Transport transport, LoopbackServer? server)
    {
        var baseAddress = transport == Transport.Loopback ? server!.BaseAddress : new Uri("http://localhost/v1/");
        var options = Options(baseAddress);
        var sdk = transport == Transport.Loopback ? new GenProClient(options) : new GenProClient(options, new CannedHandler());

        return new Clients(
            sdk,
            Http(Primary(transport), baseAddress),
            Http(ResilientHandler(options, transport), baseAddress),
            Http(Primary(transport), baseAddress));
    }

    /// <summary>The transport behind the SDK's own resilience policy: baseline (b).</summary>
    public static HttpMessageHandler ResilientHandler(GenProClientOptions options, Transport transport)
    {
        var resilience = GenProResilience.CreateHandler(options, TimeProvider.System, NullLogger.Instance);
        resilience.InnerHandler = Primary(transport);
        return resilience;
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
        Resilient.Dispose();
        RefitHttp.Dispose();
    }
}

/// <summary>The hand-written calls of baselines (a) and (b): what a careful user writes with <see cref="HttpClient"/>.</summary>
public static class HandWritten
{
    public static readonly CreateAgentRequest CreateRequest = new()
    {
        Name = "TrendBot",
        Description = "Finds what is trending and says it with a face.",
        OrganizationId = 10,
        TimeZone = "America/New_York",
    };

    public static async Task<Agent> GetAgentAsync(HttpClient http, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("agents/1", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return await ReadAsync(response, GenProJsonContext.Default.Agent, cancellationToken);
    }

    public static async Task<List<AgentSummary>> ListAgentsAsync(HttpClient http, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("agents", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return await ReadAsync(response, GenProJsonContext.Default.ListAgentSummary, cancellationToken);
    }

    public static async Task<Agent> CreateAgentAsync(HttpClient http, CancellationToken cancellationToken = default)
    {
        using var body = await AgentBody.ForCreateAsync(CreateRequest, cancellationToken);
        using var response = await http.PostAsync("agents", body.Content, cancellationToken);
        return (await ReadAsync(response, GenProJsonContext.Default.AgentEnvelope, cancellationToken)).Agent!;
    }

    /// <summary>Every avatar of a listing with a plain cursor loop: the last id of a page is the next cursor; a short page ends it.</summary>
    public static async Task<int> CountAvatarsAsync(HttpClient http, long agentId, CancellationToken cancellationToken = default)
    {
        var count = 0;
        long? cursor = null;
        while (true)
        {
            var path = cursor is { } c ? $"agents/{agentId}/avatars?cursor={c}" : $"agents/{agentId}/avatars";
            using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var page = await ReadAsync(response, GenProJsonContext.Default.ListAvatar, cancellationToken);
            count += page.Count;
            if (page.Count < Wire.PageSize)
            {
                return count;
            }

            cursor = page[^1].Id;
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using (stream)
        {
            return (await JsonSerializer.DeserializeAsync(stream, type, cancellationToken))!;
        }
    }
}

/// <summary>Baseline (c): the agent endpoints as a plain Refit interface returning models.</summary>
public interface IRefitAgentsApi
{
    [Get("/agents/{agentId}")]
    Task<Agent> GetAgentAsync(long agentId, CancellationToken cancellationToken = default);

    [Get("/agents")]
    Task<List<AgentSummary>> ListAgentsAsync(CancellationToken cancellationToken = default);

    [Post("/agents")]
    Task<RefitAgentEnvelope> CreateAgentAsync([Body] RefitCreateAgentBody body, CancellationToken cancellationToken = default);
}

public sealed class RefitAgentEnvelope
{
    public Agent? Agent { get; set; }
}

public sealed class RefitCreateAgentBody
{
    public long? OrganizationId { get; set; }

    public RefitAgentFields? Agent { get; set; }
}

public sealed class RefitAgentFields
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? TimeZone { get; set; }
}

/// <summary>Refit's settings for baseline (c): its default System.Text.Json serializer, told the API's snake_case names.</summary>
public static class RefitReflection
{
    public static readonly RefitSettings Settings = new()
    {
        ContentSerializer = new SystemTextJsonContentSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
        }),
    };
}
