using GenPro.Sdk.Testing.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GenPro.Sdk.Testing.Tests;

/// <summary>
/// <c>services.UseFakeGenProApi(…)</c> in a real host: every GenPro client (unnamed, named, keyed; registered before or
/// after the call) reaches the fake, in-process or over loopback HTTP, with its own key; other HTTP clients do not.
/// </summary>
public sealed class UseFakeGenProApiTests
{
    [Theory]
    [MemberData(nameof(Modes.Both), MemberType = typeof(Modes))]
    public async Task Every_registered_client_reaches_the_fake_with_its_own_key(Mode mode)
    {
        await using var h = await Harness.StartAsync(mode);
        h.Fake.AddAgent(h.AliceUser, "AlicesBot");
        h.Fake.AddAgent(h.BobUser, "BobsBot");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // The production address stays in configuration: the call overrides it.
            ["GenPro:ApiKey"] = Harness.Alice,
            ["GenPro:Marketing:ApiKey"] = Harness.Bob,
        });
        builder.Services.AddGenProClient(builder.Configuration.GetSection("GenPro"));
        if (mode == Mode.Handler)
        {
            builder.Services.UseFakeGenProApi(h.Fake);
        }
        else
        {
            builder.Services.UseFakeGenProApi(h.Server!);
        }

        builder.Services.AddGenProClient("marketing", builder.Configuration.GetSection("GenPro:Marketing"));
        builder.Services.AddGenProClient("support", o => o.ApiKey = Harness.Carol);
        using var host = builder.Build();
        await host.StartAsync();

        var alices = await host.Services.GetRequiredService<IAgentsClient>().ListAsync();
        var bobs = await host.Services.GetRequiredKeyedService<IAgentsClient>("marketing").ListAsync();
        var carols = await host.Services.GetRequiredKeyedService<IGenProClient>("support").Agents.ListAsync();

        alices.Select(a => a.Name).Should().Equal("AlicesBot");
        bobs.Select(a => a.Name).Should().Equal("BobsBot");
        carols.Should().BeEmpty();
        h.Fake.ReceivedRequests.Select(r => r.Header("X-API-Key")).Should().Equal(Harness.Alice, Harness.Bob, Harness.Carol);
        h.Fake.ReceivedRequests.Should().OnlyContain(r => r.PathAndQuery == "/v1/agents");
        await host.StopAsync();
    }

    [Fact]
    public async Task Other_http_clients_keep_their_own_handler()
    {
        var fake = new FakeGenProApi();
        var services = new ServiceCollection();
        services.AddGenProClient(o => o.ApiKey = Harness.Alice);
        services.UseFakeGenProApi(fake);
        services.AddHttpClient("other").ConfigurePrimaryHttpMessageHandler(() => new RefusingHandler());
        await using var provider = services.BuildServiceProvider();

        using var other = provider.GetRequiredService<IHttpClientFactory>().CreateClient("other");
        var act = () => other.GetAsync(new Uri("http://localhost/v1/agents"));

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("not the fake");
        fake.ReceivedRequests.Should().BeEmpty();
    }

    [Fact]
    public void Arguments_are_checked()
    {
        var services = new ServiceCollection();

        FluentActions.Invoking(() => services.UseFakeGenProApi((FakeGenProApi)null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => services.UseFakeGenProApi((FakeGenProServer)null!)).Should().Throw<ArgumentNullException>();
    }

    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("not the fake");
    }
}
