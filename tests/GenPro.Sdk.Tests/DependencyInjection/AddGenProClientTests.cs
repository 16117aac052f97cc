using GenPro.Sdk.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static GenPro.Sdk.Tests.Infrastructure.Scenarios;

namespace GenPro.Sdk.Tests.DependencyInjection;

/// <summary>AddGenProClient in a real host: binding, start-up validation, keyed clients, and one pipeline per name.</summary>
public sealed class AddGenProClientTests : IDisposable
{
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task A_host_resolves_the_clients_bound_from_configuration()
    {
        _api.Respond("GET", "/v1/agents", 200, Samples.AgentList);
        using var host = BuildHost(Settings("GenPro"), (s, c) => s.AddGenProClient(c.GetSection("GenPro")));
        await host.StartAsync();

        var client = host.Services.GetRequiredService<IGenProClient>();
        host.Services.GetRequiredService<IAgentsClient>().Should().BeSameAs(client.Agents);
        var agents = await client.Agents.ListAsync();

        agents.Should().ContainSingle().Which.Id.Should().Be(42);
        _api.SingleRequest().Headers!["X-API-Key"].Should().Equal(ApiServer.ApiKey);
        var options = host.Services.GetRequiredService<IOptions<GenProClientOptions>>().Value;
        options.Retry.MaxRetries.Should().Be(2);
        options.Retry.BaseDelay.Should().Be(TimeSpan.FromMilliseconds(1));
        options.Timeout.Should().Be(TimeSpan.FromSeconds(5));
        await host.StopAsync();
    }

    [Theory]
    [InlineData(null, "http://127.0.0.1/v1/", "GenPro:ApiKey is required")]
    [InlineData(ApiServer.ApiKey, "http://api.gen.pro/v1/", "GenPro:BaseAddress must use https")]
    public async Task Bad_options_stop_the_host_at_start_naming_the_setting(string? key, string address, string message)
    {
        var settings = new Dictionary<string, string?> { ["GenPro:ApiKey"] = key, ["GenPro:BaseAddress"] = address };
        using var host = BuildHost(settings, (s, c) => s.AddGenProClient(c.GetSection("GenPro")));

        var e = (await FluentActions.Awaiting(() => host.StartAsync()).Should().ThrowAsync<OptionsValidationException>()).Which;

        e.Message.Should().Contain(message);
    }

    [Fact]
    public async Task Bad_retry_options_stop_the_host_at_start()
    {
        var settings = Settings("GenPro");
        settings["GenPro:Retry:MaxRetries"] = "50";
        using var host = BuildHost(settings, (s, c) => s.AddGenProClient(c.GetSection("GenPro")));

        (await FluentActions.Awaiting(() => host.StartAsync()).Should().ThrowAsync<OptionsValidationException>())
            .Which.Message.Should().Contain("GenPro:Retry:MaxRetries must be between 0");
    }

    [Fact]
    public async Task Keyed_clients_send_their_own_keys()
    {
        _api.Respond("GET", "/v1/agents", 200, "[]");
        using var host = BuildHost([], (s, _) =>
        {
            s.AddGenProClient("a", o => { o.ApiKey = "gen_pat_key_a"; o.BaseAddress = _api.BaseAddress; });
            s.AddGenProClient("b", o => { o.ApiKey = "gen_pat_key_b"; o.BaseAddress = _api.BaseAddress; });
            s.AddSingleton<UsesClientA>();
        });
        await host.StartAsync();

        await host.Services.GetRequiredService<UsesClientA>().Agents.ListAsync();
        await host.Services.GetRequiredKeyedService<IGenProClient>("b").Agents.ListAsync();

        _api.Requests.Select(r => r.RequestMessage!.Headers!["X-API-Key"].Single()).Should().Equal("gen_pat_key_a", "gen_pat_key_b");
        host.Services.GetService<IGenProClient>().Should().BeNull("only named clients were registered");
    }

    [Fact]
    public async Task A_named_client_with_bad_options_is_named_in_the_failure()
    {
        using var host = BuildHost([], (s, _) => s.AddGenProClient("billing", o => o.BaseAddress = _api.BaseAddress));

        (await FluentActions.Awaiting(() => host.StartAsync()).Should().ThrowAsync<OptionsValidationException>())
            .Which.Message.Should().Contain("GenPro client \"billing\": GenProClientOptions.ApiKey is required");
    }

    [Fact]
    public async Task Registering_twice_does_not_stack_two_policies()
    {
        _api.Respond("GET", "/v1/agents", 503);
        using var host = BuildHost(Settings("GenPro"), (s, c) =>
        {
            s.AddGenProClient(c.GetSection("GenPro"));
            s.AddGenProClient(c.GetSection("GenPro"));
        });
        await host.StartAsync();

        await FluentActions.Awaiting(() => host.Services.GetRequiredService<IAgentsClient>().ListAsync())
            .Should().ThrowExactlyAsync<GenProServerException>();

        _api.Requests.Should().HaveCount(3, "MaxRetries = 2 gives three attempts; a stacked policy would make nine");
    }

    [Fact]
    public async Task The_returned_builder_adds_handlers_inside_the_policy()
    {
        _api.RespondInTurn("GET", "/v1/agents", Status(503), Status(200, "[]"));
        using var host = BuildHost(Settings("GenPro"), (s, c) =>
            s.AddGenProClient(c.GetSection("GenPro")).AddHttpMessageHandler(() => new StampHandler()));
        await host.StartAsync();

        await host.Services.GetRequiredService<IAgentsClient>().ListAsync();

        _api.Requests.Select(r => r.RequestMessage!.Headers!["X-Stamp"].Single()).Should().Equal("1", "1");
    }

    [Fact]
    public void Arguments_are_checked()
    {
        var services = new ServiceCollection();

        FluentActions.Invoking(() => services.AddGenProClient((Action<GenProClientOptions>)null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => services.AddGenProClient(" ", _ => { })).Should().Throw<ArgumentException>();
    }

    private Dictionary<string, string?> Settings(string section) => new()
    {
        [$"{section}:ApiKey"] = ApiServer.ApiKey,
        [$"{section}:BaseAddress"] = _api.BaseAddress.ToString(),
        [$"{section}:Timeout"] = "00:00:05",
        [$"{section}:Retry:MaxRetries"] = "2",
        [$"{section}:Retry:BaseDelay"] = "00:00:00.001",
        [$"{section}:Retry:MaxDelay"] = "00:00:00.010",
    };

    internal static IHost BuildHost(Dictionary<string, string?> settings, Action<IServiceCollection, IConfiguration> register)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        register(builder.Services, builder.Configuration);
        return builder.Build();
    }

    private sealed class UsesClientA([FromKeyedServices("a")] IAgentsClient agents)
    {
        public IAgentsClient Agents { get; } = agents;
    }

    /// <summary>Counts the attempts it sees: a handler added after AddGenProClient runs once per attempt.</summary>
    private sealed class StampHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove("X-Stamp");
            request.Headers.Add("X-Stamp", "1");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
