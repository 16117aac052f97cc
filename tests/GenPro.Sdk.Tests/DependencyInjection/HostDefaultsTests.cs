using GenPro.Sdk.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using static GenPro.Sdk.Tests.Infrastructure.Scenarios;

namespace GenPro.Sdk.Tests.DependencyInjection;

/// <summary>
/// Hosts built the way .NET Aspire's ServiceDefaults build them: host-wide HttpClient defaults registered before or
/// after <c>AddGenProClient</c>. The SDK's policy stays the only one on its client; a host-wide handler of the
/// caller's own still runs, inside that policy.
/// </summary>
public sealed class HostDefaultsTests : IDisposable
{
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    public static TheoryData<bool, int> OrdersAndStatuses => new() { { true, 500 }, { true, 503 }, { false, 500 }, { false, 503 } };

    public static TheoryData<bool> Orders => new() { true, false };

    [Theory]
    [MemberData(nameof(OrdersAndStatuses))]
    public async Task A_POST_answered_5xx_reaches_the_server_once_under_the_standard_resilience_handler(bool defaultsFirst, int status)
    {
        _api.Respond("POST", "/v1/agents", status);
        using var host = await StartAsync(_api.BaseAddress, defaultsFirst, http => http.AddStandardResilienceHandler());

        await FluentActions.Awaiting(() => Agents(host).CreateAsync(new CreateAgentRequest { Name = "ProductReviewer" }))
            .Should().ThrowExactlyAsync<GenProServerException>();

        _api.Requests.Should().HaveCount(1, "the SDK never retries a POST the server may have acted on");
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task A_POST_dropped_after_sending_reaches_the_server_once_under_the_standard_resilience_handler(bool defaultsFirst)
    {
        using var dropping = LoopbackServer.Dropping();
        using var host = await StartAsync(dropping.BaseAddress, defaultsFirst, http => http.AddStandardResilienceHandler());

        await FluentActions.Awaiting(() => Agents(host).CreateAsync(new CreateAgentRequest { Name = "ProductReviewer" }))
            .Should().ThrowExactlyAsync<GenProConnectionException>();

        dropping.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task An_upload_slower_than_the_standard_handlers_10_s_attempt_timeout_completes()
    {
        using var slow = LoopbackServer.SlowReading(stall: TimeSpan.FromSeconds(11));
        using var host = await StartAsync(slow.BaseAddress, defaultsFirst: true, http => http.AddStandardResilienceHandler());
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        await host.Services.GetRequiredService<IAvatarsClient>().UploadAsync(42, AvatarUpload.FromBytes(Images.Png, "face.png"), bound.Token);

        slow.Requests.Should().HaveCount(1);
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task A_host_wide_handler_runs_inside_the_sdks_policy_once_per_attempt(bool defaultsFirst)
    {
        _api.RespondInTurn("GET", "/v1/agents", Status(503), Status(200, "[]"));
        var attempts = new Attempts();
        using var host = await StartAsync(_api.BaseAddress, defaultsFirst, http => http.AddHttpMessageHandler(() => new CountingHandler(attempts)));

        await Agents(host).ListAsync();

        _api.Requests.Should().HaveCount(2);
        attempts.Count.Should().Be(2, "a handler inside the policy sees every attempt");
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task A_POST_answered_503_reaches_the_server_once_with_a_host_wide_handler(bool defaultsFirst)
    {
        _api.Respond("POST", "/v1/agents", 503);
        var attempts = new Attempts();
        using var host = await StartAsync(_api.BaseAddress, defaultsFirst, http =>
        {
            http.AddHttpMessageHandler(() => new CountingHandler(attempts));
            http.AddStandardResilienceHandler();
        });

        await FluentActions.Awaiting(() => Agents(host).CreateAsync(new CreateAgentRequest { Name = "ProductReviewer" }))
            .Should().ThrowExactlyAsync<GenProServerException>();

        _api.Requests.Should().HaveCount(1);
        attempts.Count.Should().Be(1);
    }

    [Fact]
    public async Task A_handler_inserted_in_front_after_AddGenProClient_stays_outside_the_policy()
    {
        _api.RespondInTurn("GET", "/v1/agents", Status(503), Status(200, "[]"));
        var calls = new Attempts();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddGenProClient(o => o.ApplyFrom(ApiServer.FastOptions(_api.BaseAddress).FastRetries()))
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) => handlers.Insert(0, new CountingHandler(calls)));
        using var host = builder.Build();
        await host.StartAsync();

        await Agents(host).ListAsync();

        _api.Requests.Should().HaveCount(2);
        calls.Count.Should().Be(1, "the README's way to add a handler outside the SDK's policy");
    }

    private static IAgentsClient Agents(IHost host) => host.Services.GetRequiredService<IAgentsClient>();

    private static async Task<IHost> StartAsync(Uri baseAddress, bool defaultsFirst, Action<IHttpClientBuilder> defaults)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        if (defaultsFirst)
        {
            builder.Services.ConfigureHttpClientDefaults(defaults);
        }

        builder.Services.AddGenProClient(o => o.ApplyFrom(ApiServer.FastOptions(baseAddress).FastRetries()));
        if (!defaultsFirst)
        {
            builder.Services.ConfigureHttpClientDefaults(defaults);
        }

        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private sealed class Attempts
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Add() => Interlocked.Increment(ref _count);
    }

    private sealed class CountingHandler(Attempts attempts) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            attempts.Add();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
