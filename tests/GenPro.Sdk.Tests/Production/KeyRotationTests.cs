using GenPro.Sdk.Http;
using GenPro.Sdk.Tests.DependencyInjection;
using GenPro.Sdk.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WireMock;
using WireMock.ResponseBuilders;
using static GenPro.Sdk.Tests.Infrastructure.Scenarios;

namespace GenPro.Sdk.Tests.Production;

/// <summary>
/// A key replaced while a request is in flight: that request keeps its key, the retry after the change carries the
/// new one. The change happens inside the server's answer to the first attempt, so the order is certain without waits.
/// </summary>
public sealed class KeyRotationTests : IDisposable
{
    private const string OldKey = "gen_pat_old_0000000000000000";
    private const string NewKey = "gen_pat_new_1111111111111111";
    private const string OtherKey = "gen_pat_other_222222222222222";
    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task A_credential_update_reaches_the_retry_of_a_call_in_flight()
    {
        var credential = new GenProKeyCredential(OldKey);
        _api.RespondInTurn("GET", "/v1/agents", ChangeKeyThen503(() => credential.Update(NewKey)), Status(200, "[]"));
        var options = ApiServer.FastOptions(_api.BaseAddress);
        options.ApiKey = null;
        using var client = new GenProClient(credential, options);

        await client.Agents.ListAsync();

        KeysSent("/v1/agents").Should().Equal(OldKey, NewKey);
        credential.ToString().Should().NotContain(NewKey);
    }

    [Fact]
    public void A_key_in_both_the_credential_and_the_options_is_refused()
    {
        var act = () => new GenProClient(new GenProKeyCredential(NewKey), _api.Options());

        act.Should().Throw<ArgumentException>().WithMessage("*ApiKey must be left unset*");
        FluentActions.Invoking(() => new GenProKeyCredential(NewKey).Update("has space")).Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task Under_dependency_injection_a_configuration_reload_rotates_the_key_of_that_named_client_only()
    {
        var settings = new Dictionary<string, string?>
        {
            ["GenPro:a:ApiKey"] = OldKey,
            ["GenPro:a:BaseAddress"] = _api.BaseAddress.ToString(),
            ["GenPro:a:Retry:BaseDelay"] = "00:00:00.001",
            ["GenPro:b:ApiKey"] = OtherKey,
            ["GenPro:b:BaseAddress"] = _api.BaseAddress.ToString(),
        };
        using var host = AddGenProClientTests.BuildHost(settings, (s, c) =>
        {
            s.AddGenProClient("a", c.GetSection("GenPro:a"));
            s.AddGenProClient("b", c.GetSection("GenPro:b"));
        });
        await host.StartAsync();
        var configuration = (IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>();
        _api.RespondInTurn("GET", "/v1/agents/1", ChangeKeyThen503(() =>
        {
            configuration["GenPro:a:ApiKey"] = NewKey;
            configuration.Reload();
        }), Status(200, Samples.Agent));
        _api.Respond("GET", "/v1/agents/2", 200, Samples.Agent);

        await host.Services.GetRequiredKeyedService<IAgentsClient>("a").GetAsync(1);
        await host.Services.GetRequiredKeyedService<IAgentsClient>("b").GetAsync(2);

        KeysSent("/v1/agents/1").Should().Equal(OldKey, NewKey);
        KeysSent("/v1/agents/2").Should().Equal(OtherKey);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_key_is_taken_off_the_request_once_it_is_sent()
    {
        _api.Respond("GET", "/v1/agents", 200, "[]");
        var credential = new GenProKeyCredential(OldKey);
        using var handler = GenProPipeline.CreateRedirectHandler(_api.Options(), () => credential.Key, new SocketsHttpHandler());
        using var http = new HttpClient(handler) { BaseAddress = _api.BaseAddress };

        using var response = await http.GetAsync("agents");

        _api.SingleRequest().Header("X-API-Key").Should().Be(OldKey);
        response.RequestMessage!.Headers.Contains("X-API-Key").Should().BeFalse("a request kept by a response must not hold the key");
        response.RequestMessage.ToString().Should().NotContain(OldKey);
    }

    private static IResponseBuilder ChangeKeyThen503(Action change) => Response.Create().WithCallback(_ =>
    {
        change();
        return new ResponseMessage { StatusCode = 503 };
    });

    private List<string?> KeysSent(string path) =>
        _api.Requests.Where(r => r.RequestMessage!.Path == path).Select(r => r.RequestMessage!.Header("X-API-Key")).ToList();
}
